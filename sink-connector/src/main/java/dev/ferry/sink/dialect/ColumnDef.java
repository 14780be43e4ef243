package dev.ferry.sink.dialect;

/** A target column: final name, resolved type, and whether it accepts NULL. */
public record ColumnDef(String name, TargetType type, boolean nullable) {
}
