package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Debezium envelope schema with {@code before} and {@code after} replaced by the derived row schema; every
 * other field ({@code source}, {@code op}, {@code ts_ms}, ...) is copied unchanged.
 */
final class EnvelopePlan {
    private final Schema schema;
    private final Field[] sourceFields;
    private final Field[] targetFields;
    final Field before;
    final Field after;
    final Field op;
    private final int beforeIndex;
    private final int afterIndex;
    private final int opIndex;

    EnvelopePlan(Schema envelope, Schema targetRow, String where) {
        before = envelope.field("before");
        after = envelope.field("after");
        op = envelope.field("op");
        if (envelope.type() != Schema.Type.STRUCT || before == null || after == null || op == null) {
            throw new DataException("record on table topic " + where + " is not a Debezium change event (its value "
                    + "has no before/after/op fields); route only Debezium table topics through this transform");
        }
        SchemaBuilder b = Schemas.emptyStructLike(envelope);
        for (Field f : envelope.fields()) {
            boolean row = f.index() == before.index() || f.index() == after.index();
            b.field(f.name(), row ? targetRow : f.schema());
        }
        schema = b.build();
        sourceFields = envelope.fields().toArray(new Field[0]);
        targetFields = schema.fields().toArray(new Field[0]);
        beforeIndex = before.index();
        afterIndex = after.index();
        opIndex = op.index();
    }

    Schema schema() {
        return schema;
    }

    /** A new envelope: {@code source} and the other fields copied, op and row images replaced. */
    Struct build(Struct envelope, String opValue, Struct beforeRow, Struct afterRow) {
        Struct out = new Struct(schema);
        for (int i = 0; i < sourceFields.length; i++) {
            Object v;
            if (i == beforeIndex) {
                v = beforeRow;
            } else if (i == afterIndex) {
                v = afterRow;
            } else if (i == opIndex) {
                v = opValue;
            } else {
                v = envelope.get(sourceFields[i]);
            }
            out.put(targetFields[i], v);
        }
        return out;
    }
}
