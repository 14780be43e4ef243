package dev.ferry.transforms.smt;

import dev.ferry.transforms.rules.DataType;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Kafka Connect schemas for DMS data types. Temporal types use Debezium's representations so the sink decodes
 * them like captured columns: {@code date} → {@code io.debezium.time.Date} (days), {@code time} →
 * {@code io.debezium.time.MicroTime}, {@code datetime} → {@code io.debezium.time.MicroTimestamp}.
 */
final class DmsTypes {
    static final String DEBEZIUM_DATE = "io.debezium.time.Date";
    static final String DEBEZIUM_MICRO_TIME = "io.debezium.time.MicroTime";
    static final String DEBEZIUM_MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";

    private DmsTypes() {
    }

    /** A (required) schema builder for {@code type}; callers decide optionality. */
    static SchemaBuilder builder(DataType type) {
        SchemaBuilder b = switch (type.type()) {
            case "string", "wstring", "clob", "nclob" -> SchemaBuilder.string();
            case "boolean" -> SchemaBuilder.bool();
            case "int1" -> SchemaBuilder.int8();
            case "int2", "uint1" -> SchemaBuilder.int16();
            case "int4", "uint2" -> SchemaBuilder.int32();
            case "int8", "uint4" -> SchemaBuilder.int64();
            case "uint8" -> Decimal.builder(0);
            case "numeric" -> Decimal.builder(type.scale() == null ? 0 : type.scale());
            case "real4" -> SchemaBuilder.float32();
            case "real8" -> SchemaBuilder.float64();
            case "bytes", "blob" -> SchemaBuilder.bytes();
            case "date" -> SchemaBuilder.int32().name(DEBEZIUM_DATE).version(1);
            case "time" -> SchemaBuilder.int64().name(DEBEZIUM_MICRO_TIME).version(1);
            case "datetime" -> SchemaBuilder.int64().name(DEBEZIUM_MICRO_TIMESTAMP).version(1);
            default -> throw new IllegalArgumentException("unknown DMS data type " + type.type());
        };
        return b;
    }

    /** Whether values can be converted between {@code source} and {@code type} by {@link ValueConverter}. */
    static boolean convertible(Schema source, DataType type) {
        return isSimple(source) && !isTemporal(type);
    }

    static boolean isTemporal(DataType type) {
        return type.type().equals("date") || type.type().equals("time") || type.type().equals("datetime");
    }

    /** Primitive numbers, strings, booleans and Decimal; not temporal or other semantic types. */
    static boolean isSimple(Schema s) {
        if (s.name() != null) {
            return Decimal.LOGICAL_NAME.equals(s.name());
        }
        return switch (s.type()) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING -> true;
            default -> false;
        };
    }
}
