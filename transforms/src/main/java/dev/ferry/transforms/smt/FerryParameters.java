package dev.ferry.transforms.smt;

/** Field-schema parameters that the SMT adds for the sink (brief section 4a) and the Debezium ones it reads. */
public final class FerryParameters {
    /** The DMS data type a change-data-type or add-column rule asks for, e.g. {@code string(50)}. */
    public static final String TARGET_TYPE = "ferry.target.type";
    /** {@code true} for a column computed by an expression or masked: validation skips or recomputes it. */
    public static final String DERIVED = "ferry.derived";
    /** Debezium's source column type ({@code column.propagate.source.type}). */
    public static final String SOURCE_COLUMN_TYPE = "__debezium.source.column.type";

    private FerryParameters() {
    }
}
