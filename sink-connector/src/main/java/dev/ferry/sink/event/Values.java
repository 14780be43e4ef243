package dev.ferry.sink.event;

/** Decoded value types that have no exact JDK counterpart. */
public final class Values {
    private Values() {
    }

    /** JSON document text, kept verbatim so numbers beyond int64/double stay exact. */
    public record JsonText(String json) {
    }

    /** An interval in ISO-8601 form ({@code P1Y2M3DT4H5M6.78S}) as PostgreSQL sends it in string mode. */
    public record IsoInterval(String iso) {
    }

    /** A bit string, most significant bit first ({@code "1010"}). */
    public record BitString(String bits) {
    }

    /** A time span in microseconds (MySQL TIME, may be negative or beyond 24 h; Debezium MicroDuration). */
    public record Micros(long micros) {
        /** MySQL TIME literal {@code [-]H+:MM:SS.ffffff}. */
        public String toMySqlTime() {
            long abs = Math.abs(micros);
            long secs = abs / 1_000_000L;
            return String.format(java.util.Locale.ROOT, "%s%d:%02d:%02d.%06d", micros < 0 ? "-" : "",
                    secs / 3600, (secs / 60) % 60, secs % 60, abs % 1_000_000L);
        }

        /** PostgreSQL interval literal in microseconds. */
        public String toPostgresInterval() {
            return micros + " microseconds";
        }
    }
}
