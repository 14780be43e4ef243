package dev.ferry.runtime.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.JdbcEndpoints;

/**
 * A position in the source's change log, taken by {@code ferry wait --for caught-up}, and whether a Debezium source
 * offset has passed it: MariaDB GTIDs ({@code @@gtid_binlog_pos}), MySQL GTIDs ({@code @@gtid_executed}) or binlog
 * file/position when GTIDs are off, PostgreSQL {@code pg_current_wal_lsn()}.
 */
public record SourcePosition(Engine engine, String gtids, String file, long pos, long lsn) {

    /** Reads the source's current position (everything committed so far lies at or before it). */
    public static SourcePosition current(Endpoint source) throws SQLException {
        try (Connection c = JdbcEndpoints.connect(source); Statement s = c.createStatement()) {
            if (source.engine() == Engine.POSTGRES) {
                try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                    rs.next();
                    return new SourcePosition(source.engine(), null, null, 0, parseLsn(rs.getString(1)));
                }
            }
            if (source.engine() == Engine.MARIADB) {
                try (ResultSet rs = s.executeQuery("SELECT @@gtid_binlog_pos")) {
                    rs.next();
                    return new SourcePosition(source.engine(), nullToEmpty(rs.getString(1)), null, 0, 0);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT @@gtid_mode, @@gtid_executed")) {
                rs.next();
                if ("ON".equalsIgnoreCase(rs.getString(1))) {
                    return new SourcePosition(source.engine(), nullToEmpty(rs.getString(2)), null, 0, 0);
                }
            }
            String sql = "SHOW MASTER STATUS";
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? new SourcePosition(source.engine(), null, rs.getString("File"), rs.getLong("Position"), 0)
                        : new SourcePosition(source.engine(), null, null, 0, 0);
            } catch (SQLException e) {
                // MySQL 8.4 renamed the statement.
                try (ResultSet rs = s.executeQuery("SHOW BINARY LOG STATUS")) {
                    return rs.next() ? new SourcePosition(source.engine(), null, rs.getString("File"),
                            rs.getLong("Position"), 0) : new SourcePosition(source.engine(), null, null, 0, 0);
                }
            }
        }
    }

    /** True when the Debezium source offset (the {@code offset} object of Connect's offsets API) is at or past this. */
    public boolean passedBy(JsonNode offset) {
        if (offset == null || offset.isMissingNode() || offset.isNull()) {
            return isOrigin();
        }
        if (engine == Engine.POSTGRES) {
            long seen = Math.max(offset.path("lsn").asLong(0), offset.path("lsn_proc").asLong(0));
            return seen >= lsn;
        }
        if (gtids != null) {
            if (gtids.isBlank()) {
                return true;
            }
            String seen = offset.path("gtids").asText("");
            return engine == Engine.MARIADB ? mariaDbContains(seen, gtids) : mySqlContains(seen, gtids);
        }
        if (file == null) {
            return true;
        }
        String seenFile = offset.path("file").asText("");
        int byFile = compareFiles(seenFile, file);
        return byFile > 0 || (byFile == 0 && offset.path("pos").asLong(0) >= pos);
    }

    private boolean isOrigin() {
        return engine == Engine.POSTGRES ? lsn == 0 : (gtids != null ? gtids.isBlank() : file == null);
    }

    @Override
    public String toString() {
        return switch (engine) {
            case POSTGRES -> "LSN " + formatLsn(lsn);
            default -> gtids != null ? "GTIDs " + gtids : file + ":" + pos;
        };
    }

    /** MariaDB: every domain of {@code wanted} ({@code domain-server-seq,...}) has a sequence at least as high. */
    static boolean mariaDbContains(String seen, String wanted) {
        Map<Long, Long> have = new HashMap<>();
        for (String g : split(seen)) {
            String[] p = g.split("-");
            if (p.length == 3) {
                have.merge(Long.parseLong(p[0]), Long.parseLong(p[2]), Math::max);
            }
        }
        for (String g : split(wanted)) {
            String[] p = g.split("-");
            if (p.length == 3 && have.getOrDefault(Long.parseLong(p[0]), -1L) < Long.parseLong(p[2])) {
                return false;
            }
        }
        return true;
    }

    /** MySQL: the GTID set {@code seen} ({@code uuid:1-5:7,...}) contains every interval of {@code wanted}. */
    static boolean mySqlContains(String seen, String wanted) {
        Map<String, List<long[]>> have = mySqlSet(seen);
        for (Map.Entry<String, List<long[]>> e : mySqlSet(wanted).entrySet()) {
            List<long[]> ranges = have.getOrDefault(e.getKey(), List.of());
            for (long[] w : e.getValue()) {
                if (ranges.stream().noneMatch(r -> r[0] <= w[0] && w[1] <= r[1])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, List<long[]>> mySqlSet(String set) {
        Map<String, List<long[]>> out = new HashMap<>();
        for (String part : split(set)) {
            String[] p = part.split(":");
            List<long[]> ranges = out.computeIfAbsent(p[0].toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>());
            for (int i = 1; i < p.length; i++) {
                String[] ab = p[i].split("-");
                long a = Long.parseLong(ab[0]);
                ranges.add(new long[] {a, ab.length > 1 ? Long.parseLong(ab[1]) : a});
            }
        }
        return out;
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.replace("\n", "").split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    static int compareFiles(String a, String b) {
        int da = a.lastIndexOf('.');
        int db = b.lastIndexOf('.');
        if (da >= 0 && db >= 0 && a.substring(0, da).equals(b.substring(0, db))) {
            try {
                return Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return a.compareTo(b);
    }

    static long parseLsn(String text) {
        String[] p = text.split("/");
        return (Long.parseLong(p[0], 16) << 32) | Long.parseLong(p[1], 16);
    }

    static String formatLsn(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xffffffffL).toUpperCase();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
