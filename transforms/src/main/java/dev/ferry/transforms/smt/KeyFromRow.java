package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.List;

/** Builds the record key from a transformed row, for tables with a {@code define-primary-key} rule. */
final class KeyFromRow {
    private final Schema schema;
    private final Field[] rowFields;
    private final Field[] keyFields;

    KeyFromRow(String keySchemaName, Schema targetRow, List<String> keyColumns) {
        SchemaBuilder b = SchemaBuilder.struct().name(keySchemaName);
        rowFields = new Field[keyColumns.size()];
        for (int i = 0; i < keyColumns.size(); i++) {
            Field f = targetRow.field(keyColumns.get(i));
            if (f == null) {
                throw new DataException("key column '" + keyColumns.get(i) + "' is not a field of the target row");
            }
            rowFields[i] = f;
            b.field(f.name(), f.schema());
        }
        schema = b.build();
        keyFields = schema.fields().toArray(new Field[0]);
    }

    Schema schema() {
        return schema;
    }

    Struct build(Struct targetRow) {
        Struct key = new Struct(schema);
        for (int i = 0; i < keyFields.length; i++) {
            key.put(keyFields[i], targetRow.getWithoutDefault(rowFields[i].name()));
        }
        return key;
    }
}
