package dev.ferry.transforms.smt;

import dev.ferry.transforms.expr.EvalContext;
import org.apache.kafka.connect.data.Struct;

/** The evaluation context of add-column expressions for one source row image. */
final class RowContext implements EvalContext {
    private final Struct row;
    private final char operation;
    private final String sourceSchema;
    private final String sourceTable;

    RowContext(Struct row, char operation, String sourceSchema, String sourceTable) {
        this.row = row;
        this.operation = operation;
        this.sourceSchema = sourceSchema;
        this.sourceTable = sourceTable;
    }

    @Override
    public Object column(String name) {
        return row.getWithoutDefault(name);
    }

    @Override
    public String sourceSchema() {
        return sourceSchema;
    }

    @Override
    public String sourceTable() {
        return sourceTable;
    }

    @Override
    public char operation() {
        return operation;
    }
}
