package dev.ferry.sink.event;

/** What a change event does to its table. {@link #SKIP} only advances the offset (tombstones). */
public enum Op {
    READ, CREATE, UPDATE, DELETE, TRUNCATE, SKIP;

    /** Debezium's {@code op} code ({@code r}, {@code c}, {@code u}, {@code d}, {@code t}). */
    public static Op fromCode(String code) {
        switch (code) {
            case "r": return READ;
            case "c": return CREATE;
            case "u": return UPDATE;
            case "d": return DELETE;
            case "t": return TRUNCATE;
            default: throw new IllegalArgumentException("unknown Debezium op '" + code + "'");
        }
    }

    public boolean writesRow() {
        return this == READ || this == CREATE || this == UPDATE;
    }
}
