package dev.ferry.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sink.config.DialectChoice;
import dev.ferry.sink.dialect.TargetType.Kind;
import dev.ferry.sink.event.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresDialectGoldenSqlTest {
    private final Dialect d = Dialects.choose(DialectChoice.AUTO, "jdbc:postgresql://h:5432/db");
    private final TableId t = new TableId("Shop", "order");

    @Test
    void isChosenFromTheJdbcUrl() {
        assertThat(d).isInstanceOf(PostgresDialect.class);
    }

    @Test
    void quotesReservedWordsMixedCaseAndEmbeddedQuotes() {
        assertThat(d.qualified(t)).isEqualTo("\"Shop\".\"order\"");
        assertThat(d.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void createsTablesWithPrimaryKeyAndNullability() {
        List<ColumnDef> cols = List.of(new ColumnDef("id", TargetType.of(Kind.INT64), false),
                new ColumnDef("amount", TargetType.of(Kind.DECIMAL).withLength(20, 0), true),
                new ColumnDef("at", TargetType.of(Kind.TIMESTAMPTZ).withLength(3, null), true));
        assertThat(d.createTable(t, cols, List.of("id"))).isEqualTo("CREATE TABLE \"Shop\".\"order\" (\"id\" bigint NOT NULL, "
                + "\"amount\" numeric(20,0), \"at\" timestamptz(3), PRIMARY KEY (\"id\"))");
    }

    @Test
    void upsertsWithOnConflict() {
        assertThat(d.upsert(t, List.of("id", "v"), List.of("id"))).isEqualTo("INSERT INTO \"Shop\".\"order\" (\"id\", \"v\") "
                + "VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"");
        assertThat(d.upsert(t, List.of("id"), List.of("id"))).endsWith("ON CONFLICT (\"id\") DO NOTHING");
    }

    @Test
    void changesExactlyOneRowOfATableWithoutKeyNullSafely() {
        assertThat(d.deleteOneRow(t, List.of("a", "b"))).isEqualTo("DELETE FROM \"Shop\".\"order\" WHERE ctid = "
                + "(SELECT ctid FROM \"Shop\".\"order\" WHERE \"a\" IS NOT DISTINCT FROM ? AND \"b\" IS NOT DISTINCT FROM ? LIMIT 1)");
        assertThat(d.updateOneRow(t, List.of("a"), List.of("a"))).isEqualTo("UPDATE \"Shop\".\"order\" SET \"a\" = ? "
                + "WHERE ctid = (SELECT ctid FROM \"Shop\".\"order\" WHERE \"a\" IS NOT DISTINCT FROM ? LIMIT 1)");
    }

    @Test
    void deletesByKeyUpdatesPartiallyAndTruncatesTransactionally() {
        assertThat(d.deleteByKey(t, List.of("a", "b"))).isEqualTo("DELETE FROM \"Shop\".\"order\" WHERE \"a\" = ? AND \"b\" = ?");
        assertThat(d.update(t, List.of("v"), List.of("id"))).isEqualTo("UPDATE \"Shop\".\"order\" SET \"v\" = ? WHERE \"id\" = ?");
        assertThat(d.truncate(t)).isEqualTo("TRUNCATE TABLE \"Shop\".\"order\"");
        assertThat(d.addColumn(t, new ColumnDef("e", TargetType.of(Kind.TEXT), true)))
                .isEqualTo("ALTER TABLE \"Shop\".\"order\" ADD COLUMN \"e\" text");
    }

    @Test
    void mapsTypesLosslessly() {
        assertThat(d.columnType(TargetType.of(Kind.TIME_SPAN).withLength(6, null), false)).isEqualTo("interval");
        assertThat(d.columnType(TargetType.of(Kind.DECIMAL), false)).isEqualTo("numeric");
        assertThat(d.columnType(TargetType.of(Kind.SET), false)).isEqualTo("text[]");
        assertThat(d.columnType(TargetType.of(Kind.JSON), false)).isEqualTo("jsonb");
        assertThat(d.columnType(TargetType.of(Kind.BITS).withLength(5, null), false)).isEqualTo("bit(5)");
        assertThat(d.columnType(TargetType.of(Kind.YEAR), false)).isEqualTo("smallint");
        assertThat(d.columnType(TargetType.arrayOf(TargetType.of(Kind.INT32)), false)).isEqualTo("integer[]");
    }
}
