package dev.ferry.source.converter;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.connect.data.SchemaBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import io.debezium.time.Date;
import io.debezium.time.MicroTimestamp;
import io.debezium.time.Timestamp;
import io.debezium.time.ZonedTimestamp;

/**
 * Ferry's Debezium {@link CustomConverter} for MySQL and MariaDB sources (registered by the config compiler as
 * {@code converters=ferry}).
 *
 * <ul>
 * <li><b>Zero dates.</b> A {@code DATE}, {@code DATETIME} or {@code TIMESTAMP} column declared NOT NULL may hold
 * {@code 0000-00-00…}, which no other database can store. Debezium's own conversion turns it into the epoch
 * (1970-01-01) for NOT NULL columns, a silent change. This converter registers an <em>optional</em> schema of the
 * same Debezium logical type ({@code io.debezium.time.Date}, {@code Timestamp} for precision 0–3,
 * {@code MicroTimestamp} for 4–6, {@code ZonedTimestamp} for TIMESTAMP, as {@code adaptive_time_microseconds} does)
 * and emits null for a zero value, the real value otherwise. Zero dates are counted per column
 * ({@link ZeroDateCounter}). Nullable columns are left to Debezium, which already emits null.</li>
 * <li><b>MariaDB JSON.</b> MariaDB's JSON is LONGTEXT with a {@code json_valid} check, so Debezium sees a plain
 * string. The columns listed in {@code json.columns} (found by schema discovery, a JSON array of
 * {@code [database, table, column]}) get the schema name {@code io.debezium.data.Json}.</li>
 * </ul>
 */
public class FerryBinlogConverter implements CustomConverter<SchemaBuilder, RelationalColumn> {
    /** Converter property: the MariaDB JSON columns, JSON {@code [["db","table","column"], …]}. */
    public static final String JSON_COLUMNS = "json.columns";
    public static final String JSON_SCHEMA_NAME = "io.debezium.data.Json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(FerryBinlogConverter.class);
    private static final Set<String> OBSERVED = ConcurrentHashMap.newKeySet();

    private final Set<List<String>> jsonColumns = new HashSet<>();

    @Override
    public void configure(Properties props) {
        String json = props.getProperty(JSON_COLUMNS);
        if (json == null || json.isBlank()) {
            return;
        }
        try {
            jsonColumns.addAll(MAPPER.readValue(json, new TypeReference<List<List<String>>>() { }));
        } catch (Exception ex) {
            throw new IllegalArgumentException(JSON_COLUMNS + " must be a JSON array of [database, table, column], "
                    + "got: " + json, ex);
        }
    }

    @Override
    public void converterFor(RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
        String type = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        if (isJsonColumn(column)) {
            registration.register(SchemaBuilder.string().name(JSON_SCHEMA_NAME).version(1).optional(),
                    v -> v == null ? null : v.toString());
            return;
        }
        if (column.isOptional()) {
            return;
        }
        String where = column.dataCollection() + "." + column.name();
        int fsp = column.length().orElse(0);
        switch (type) {
            case "DATE" -> registration.register(Date.builder().optional(), v -> date(v, where));
            case "DATETIME" -> registration.register(fsp <= 3 ? Timestamp.builder().optional()
                    : MicroTimestamp.builder().optional(), v -> dateTime(v, fsp, where));
            case "TIMESTAMP" -> registration.register(ZonedTimestamp.builder().optional(),
                    v -> timestamp(v, fsp, where));
            default -> {
            }
        }
    }

    private boolean isJsonColumn(RelationalColumn column) {
        if (jsonColumns.isEmpty() || column.jdbcType() == Types.OTHER) {
            return false;
        }
        for (List<String> c : jsonColumns) {
            if (c.size() == 3 && c.get(2).equals(column.name())
                    && (c.get(0) + "." + c.get(1)).equals(column.dataCollection())) {
                return true;
            }
        }
        return false;
    }

    static Object date(Object v, String where) {
        Object value = realValue(v, where);
        return value == null ? null : Date.toEpochDay(value, null);
    }

    static Object dateTime(Object v, int fsp, String where) {
        Object value = realValue(v, where);
        if (value == null) {
            return null;
        }
        return fsp <= 3 ? Timestamp.toEpochMillis(value, null) : MicroTimestamp.toEpochMicros(value, null);
    }

    static Object timestamp(Object v, int fsp, String where) {
        Object value = realValue(v, where);
        if (value == null) {
            return null;
        }
        OffsetDateTime utc = utc(value);
        if (utc.toInstant().equals(Instant.EPOCH)) {
            ZeroDateCounter.record(where);   // TIMESTAMP starts at 1970-01-01 00:00:01 UTC: epoch 0 is the zero value
            return null;
        }
        return ZonedTimestamp.toIsoString(utc, null);
    }

    private static OffsetDateTime utc(Object value) {
        OffsetDateTime t;
        if (value instanceof Instant i) {
            t = i.atOffset(ZoneOffset.UTC);
        } else if (value instanceof ZonedDateTime z) {
            t = z.toOffsetDateTime();
        } else if (value instanceof OffsetDateTime o) {
            t = o;
        } else if (value instanceof LocalDateTime l) {
            t = l.atOffset(ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp ts) {
            // JDBC reads of a TIMESTAMP (snapshot chunks) carry the UTC wall clock in the Timestamp's local fields
            t = ts.toLocalDateTime().atOffset(ZoneOffset.UTC);
        } else if (value instanceof java.util.Date d) {
            t = d.toInstant().atOffset(ZoneOffset.UTC);
        } else if (value instanceof Number n) {
            t = Instant.ofEpochMilli(n.longValue()).atOffset(ZoneOffset.UTC);
        } else {
            throw new IllegalArgumentException("unexpected TIMESTAMP value " + value + " of " + value.getClass());
        }
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Null for a zero date (counted), otherwise the value in a form Debezium's time helpers take. Debezium hands a
     * NOT NULL zero date to converters as null (it nulls zero dates itself), or as the zero string.
     */
    static Object realValue(Object v, String where) {
        if (LOG.isDebugEnabled() && OBSERVED.add(where + ":" + (v == null ? "null" : v.getClass().getName()))) {
            LOG.debug("{} receives {} ({})", where, v == null ? "null" : v.getClass().getName(), v);
        }
        if (v == null) {
            ZeroDateCounter.record(where);
            return null;
        }
        if (v instanceof CharSequence s) {
            String text = s.toString().trim();
            if (isZero(text)) {
                ZeroDateCounter.record(where);
                return null;
            }
            return parse(text);
        }
        return v;
    }

    /** True for {@code 0000-00-00}, and for any date with a zero year, month or day (MySQL allows those too). */
    static boolean isZero(String text) {
        return text.startsWith("0000-") || text.matches("\\d{4}-00-.*") || text.matches("\\d{4}-\\d{2}-00.*");
    }

    /** Debezium hands default values over as ISO text, with an offset for TIMESTAMP columns. */
    private static Object parse(String text) {
        if (text.length() <= 10) {
            return LocalDate.parse(text);
        }
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ex) {
            return LocalDateTime.parse(iso);
        }
    }
}
