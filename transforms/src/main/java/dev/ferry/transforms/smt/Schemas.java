package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

import java.util.Map;

/** Copies Kafka Connect schemas, keeping every parameter, and adds Ferry parameters. */
final class Schemas {
    private Schemas() {
    }

    /** A copy of {@code source} with {@code extra} parameters added (name, version, doc, default kept). */
    static Schema withParameters(Schema source, Map<String, String> extra) {
        SchemaBuilder b = shape(source);
        copyMetadata(source, b);
        b.parameters(extra);
        return b.build();
    }

    static SchemaBuilder shape(Schema source) {
        return switch (source.type()) {
            case ARRAY -> SchemaBuilder.array(source.valueSchema());
            case MAP -> SchemaBuilder.map(source.keySchema(), source.valueSchema());
            case STRUCT -> {
                SchemaBuilder s = SchemaBuilder.struct();
                for (Field f : source.fields()) {
                    s.field(f.name(), f.schema());
                }
                yield s;
            }
            default -> new SchemaBuilder(source.type());
        };
    }

    static void copyMetadata(Schema source, SchemaBuilder b) {
        if (source.name() != null) {
            b.name(source.name());
        }
        if (source.version() != null) {
            b.version(source.version());
        }
        if (source.doc() != null) {
            b.doc(source.doc());
        }
        if (source.parameters() != null) {
            b.parameters(source.parameters());
        }
        if (source.isOptional()) {
            b.optional();
        }
        if (source.defaultValue() != null) {
            b.defaultValue(source.defaultValue());
        }
    }

    /** A struct builder with the name, version, doc and optionality of {@code source}, and no fields. */
    static SchemaBuilder emptyStructLike(Schema source) {
        SchemaBuilder b = SchemaBuilder.struct();
        if (source.name() != null) {
            b.name(source.name());
        }
        if (source.version() != null) {
            b.version(source.version());
        }
        if (source.doc() != null) {
            b.doc(source.doc());
        }
        if (source.isOptional()) {
            b.optional();
        }
        return b;
    }
}
