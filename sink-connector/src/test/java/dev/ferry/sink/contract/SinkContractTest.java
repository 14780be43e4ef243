package dev.ferry.sink.contract;

import static dev.ferry.sink.DebeziumRecords.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sink.DebeziumRecords;
import dev.ferry.sink.FerrySinkTaskAccess;
import dev.ferry.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Behaviour every target must show; one subclass per target database. */
abstract class SinkContractTest {
    protected abstract TestDatabase db();

    /** Target schema (MySQL/MariaDB: the test database). */
    protected abstract String schema();

    protected abstract String controlSchema();

    /** SQL rendering a column as text. */
    protected abstract String text(String column);

    /** SQL rendering a bytes column as upper-case hex. */
    protected abstract String hex(String column);

    protected abstract String quote(String identifier);

    /** Session statement switching the reading connection to +05:30. */
    protected abstract String kolkataSession();

    /** Expected text of typed values where targets differ (column → text). */
    protected abstract Map<String, String> targetSpecificText();

    protected SinkHarness harness() {
        return new SinkHarness(db(), controlSchema());
    }

    protected String topic(String table) {
        return schema() + "." + table;
    }

    protected String table(String table) {
        return quote(schema()) + "." + quote(table);
    }

    private DebeziumRecords people(String table, String source) {
        return DebeziumRecords.table(topic(table), source)
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT")
                .column("name", string(), "VARCHAR", 40, null)
                .key("id").build();
    }

    @Test
    void appliesInsertsUpdatesAndDeletesByKey() {
        DebeziumRecords r = people("people", "mariadb");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("people"));
        t.apply(r.insert(0, 1L, "ann"), r.insert(1, 2L, "bob"), r.insert(2, 3L, "cy"));
        t.apply(r.update(3, r.row(2L, "bob"), r.row(2L, "bobby")), r.delete(4, 3L, "cy"), r.tombstone(5, 3L, "cy"));
        t.stop();
        assertThat(harness().rows("SELECT id, name FROM " + table("people") + " ORDER BY id"))
                .containsExactly(List.of("1", "ann"), List.of("2", "bobby"));
    }

    @Test
    void collapsesSeveralChangesOfOneKeyInOneBatchToItsLastState() {
        DebeziumRecords r = people("collapse", "mariadb");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("collapse"));
        t.apply(r.insert(0, 1L, "a"), r.update(1, r.row(1L, "a"), r.row(1L, "b")), r.delete(2, 1L, "b"),
                r.insert(3, 1L, "c"), r.insert(4, 2L, "x"), r.delete(5, 2L, "x"));
        t.stop();
        assertThat(harness().rows("SELECT id, name FROM " + table("collapse") + " ORDER BY id"))
                .containsExactly(List.of("1", "c"));
    }

    @Test
    void primaryKeyChangeDeletesTheOldKeyAndInsertsTheNewOne() {
        DebeziumRecords r = people("pkchange", "postgresql");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("pkchange"));
        t.apply(r.insert(0, 1L, "a"));
        t.apply(r.update(1, r.row(1L, "a"), r.row(7L, "a")));
        t.stop();
        assertThat(harness().rows("SELECT id, name FROM " + table("pkchange"))).containsExactly(List.of("7", "a"));
    }

    @Test
    void compositeKeysIdentifyRows() {
        DebeziumRecords r = DebeziumRecords.table(topic("composite"), "mariadb")
                .column("a", SchemaBuilderOf.int32Key(), "INT").column("b", SchemaBuilderOf.stringKey(), "VARCHAR", 10, null)
                .column("v", int32(), "INT").key("a", "b").build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("composite"));
        t.apply(r.insert(0, 1, "x", 1), r.insert(1, 1, "y", 2), r.update(2, r.row(1, "y", 2), r.row(1, "y", 3)),
                r.delete(3, 1, "x", 1));
        t.stop();
        assertThat(harness().rows("SELECT a, b, v FROM " + table("composite"))).containsExactly(List.of("1", "y", "3"));
    }

    @Test
    void shouldDeleteOneOfThreeDuplicateRowsInATableWithoutKey() {
        DebeziumRecords r = DebeziumRecords.table(topic("dups"), "mariadb")
                .column("v", int32(), "INT").column("n", string(), "VARCHAR", 10, null).build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("dups"));
        t.apply(r.insert(0, 1, "a"), r.insert(1, 1, "a"), r.insert(2, 1, "a"), r.insert(3, 2, null));
        t.apply(r.delete(4, 1, "a"), r.update(5, r.row(1, "a"), r.row(1, "b")), r.update(6, r.row(2, null), r.row(3, null)));
        t.stop();
        assertThat(harness().rows("SELECT v, n FROM " + table("dups") + " ORDER BY v, n"))
                .containsExactly(List.of("1", "a"), List.of("1", "b"), java.util.Arrays.asList("3", null));
    }

    @Test
    void truncateEventEmptiesTheTable() {
        DebeziumRecords r = people("trunc", "postgresql");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("trunc"));
        t.apply(r.insert(0, 1L, "a"), r.insert(1, 2L, "b"), r.truncate(2), r.insert(3, 3L, "c"));
        t.stop();
        assertThat(harness().rows("SELECT id FROM " + table("trunc"))).containsExactly(List.of("3"));
    }

    @Test
    void aNewFieldMidStreamBecomesANullableColumn() {
        DebeziumRecords v1 = people("evolve", "mariadb");
        DebeziumRecords v2 = DebeziumRecords.table(topic("evolve"), "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT").column("name", string(), "VARCHAR", 40, null)
                .column("email", string(), "VARCHAR", 80, null).key("id").build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("evolve"));
        t.apply(v1.insert(0, 1L, "a"));
        t.apply(v2.insert(1, 2L, "b", "b@x"));
        t.stop();
        assertThat(harness().rows("SELECT id, name, email FROM " + table("evolve") + " ORDER BY id"))
                .containsExactly(java.util.Arrays.asList("1", "a", null), List.of("2", "b", "b@x"));
    }

    @Test
    void aDroppedColumnPutsOnlyThatTableInTableError() {
        DebeziumRecords v1 = people("dropped", "mariadb");
        DebeziumRecords v2 = DebeziumRecords.table(topic("dropped"), "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT").key("id").build();
        DebeziumRecords other = people("healthy", "mariadb");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("dropped"), topic("healthy"));
        t.apply(v1.insert(0, 1L, "a"));
        var offsets = t.apply(v2.insert(1, 2L), other.insert(0, 9L, "ok"));
        t.stop();
        assertThat(harness().rows("SELECT id FROM " + table("dropped"))).containsExactly(List.of("1"));
        assertThat(harness().rows("SELECT id FROM " + table("healthy"))).containsExactly(List.of("9"));
        assertThat(offsets.get(new TopicPartition(topic("dropped"), 0)).offset()).isEqualTo(1L);
        assertThat(harness().rows("SELECT state, error FROM " + quote(controlSchema()) + ".ferry_table_state WHERE "
                + "table_name = '" + schema() + ".dropped'")).containsExactly(List.of("table-error",
                "column name was dropped or renamed in the source"));
    }

    @Test
    void storesEveryTypeAtItsExtremesExactly() {
        DebeziumRecords r = DebeziumRecords.table(topic("types"), "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT")
                .column("u64", decimal(20, 0), "BIGINT UNSIGNED", 20, 0)
                .column("d65", decimal(65, 30), "DECIMAL", 65, 30)
                .column("tmax", microTime(), "TIME", 6, null)
                .column("tmin", microTime(), "TIME", 6, null)
                .column("dt6", microTimestamp(), "DATETIME", 6, null)
                .column("ts3", zonedTimestamp(), "TIMESTAMP", 3, null)
                .column("utf", string(), "VARCHAR", 20, null)
                .column("bin", bytes(), "VARBINARY", 16, null)
                .column("js", json(), "JSON")
                .column("zd", date(), "DATE")
                .column("d1970", date(), "DATE")
                .column("yr", year(), "YEAR")
                .column("en", enumOf("new,active,closed"), "ENUM")
                .column("st", enumSet("a,b,c"), "SET")
                .column("f", float64(), "DOUBLE")
                .key("id").build();
        SinkRecord rec = r.insert(0, 1L, new BigDecimal("18446744073709551615"),
                new BigDecimal("12345678901234567890123456789012345.123456789012345678901234567890"),
                3_020_399_000_000L, -3_020_399_000_000L, 1_709_251_199_123_456L, "2024-06-01T12:00:00.123Z",
                "😀 𝄞 ü", new byte[] {0, 1, 0, (byte) 0xff}, "{\"n\": 123456789012345678901234567890}",
                null, 0, 2155, "active", "a,c", 1.0E308);
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("types"));
        t.apply(rec);
        t.stop();
        List<String> cols = List.of("u64", "d65", "tmax", "tmin", "dt6", "ts3", "utf", "bin", "js", "zd", "d1970",
                "yr", "en", "st");
        String select = String.join(", ", cols.stream().map(c -> c.equals("bin") ? hex(quote(c)) : text(quote(c))).toList());
        List<String> got = harness().rows("SELECT " + select + " FROM " + table("types"), kolkataSession()).get(0);
        Map<String, String> expected = new java.util.HashMap<>(Map.of(
                "u64", "18446744073709551615",
                "d65", "12345678901234567890123456789012345.123456789012345678901234567890",
                "dt6", "2024-02-29 23:59:59.123456", "utf", "😀 𝄞 ü", "bin", "000100FF",
                "js", "{\"n\": 123456789012345678901234567890}", "d1970", "1970-01-01", "yr", "2155", "en", "active"));
        expected.putAll(targetSpecificText());
        for (int i = 0; i < cols.size(); i++) {
            assertThat(got.get(i)).as(cols.get(i)).isEqualTo(expected.get(cols.get(i)));
        }
    }

    @Test
    void theBulkPathStoresEveryValueExactlyAsTheUpsertPath() {
        DebeziumRecords binaryTypes = DebeziumRecords.table(topic("bulkbin"), "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT").column("sm", int16(), "SMALLINT")
                .column("i", int32(), "INT").column("l", int64(), "BIGINT").column("b", bool(), "BOOLEAN")
                .column("f", float64(), "DOUBLE").column("d", decimal(30, 10), "DECIMAL", 30, 10)
                .column("s", string(), "VARCHAR", 20, null).column("t", string(), "TEXT")
                .column("bin", bytes(), "VARBINARY", 16, null).column("dt", date(), "DATE")
                .column("ts", microTimestamp(), "DATETIME", 6, null).column("tz", zonedTimestamp(), "TIMESTAMPTZ", 6, null)
                .key("id").build();
        Object[][] rows = {
                {1L, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, true, -1.5e-300, new BigDecimal("-12345678901234567890.0123456789"),
                        "😀 ü\t\\x", "line\nbreak", new byte[] {0, (byte) 0xff, '\\', '\n'}, -719162, -62135596800000000L,
                        "0001-01-01T00:00:00Z"},
                {2L, (short) 32767, Integer.MAX_VALUE, Long.MAX_VALUE, false, Double.MAX_VALUE, new BigDecimal("0.0000000001"),
                        "", "", new byte[0], 2932896, 253402300799999999L, "9999-12-31T23:59:59.999999Z"},
                {3L, null, null, null, null, null, null, null, null, null, null, null, null}};
        compareBulkWithUpsert(binaryTypes, "bulkbin", rows);
    }

    @Test
    void theTextBulkPathStoresTypesWithoutBinaryEncoderExactlyAsTheUpsertPath() {
        DebeziumRecords textTypes = DebeziumRecords.table(topic("bulktxt"), "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT").column("js", json(), "JSON")
                .column("tm", microTime(), "TIME", 6, null).column("en", enumOf("x,y"), "ENUM")
                .column("st", enumSet("a,b,c"), "SET").column("yr", year(), "YEAR")
                .column("s", string(), "VARCHAR", 20, null).key("id").build();
        Object[][] rows = {
                {1L, "{\"n\": 123456789012345678901234567890}", -3_020_399_000_000L, "y", "a,c", 2155, "tab\there"},
                {2L, null, null, null, null, null, null}};
        compareBulkWithUpsert(textTypes, "bulktxt", rows);
    }

    private void compareBulkWithUpsert(DebeziumRecords r, String table, Object[][] rows) {
        DebeziumRecords viaUpsert = DebeziumRecords.table(topic(table + "_up"), "mariadb").like(r);
        FerrySinkTaskAccess t = harness().task(harness().props(), topic(table), topic(table + "_up"));
        SinkRecord[] reads = new SinkRecord[rows.length];
        SinkRecord[] inserts = new SinkRecord[rows.length];
        for (int i = 0; i < rows.length; i++) {
            reads[i] = r.read(i, rows[i]);
            inserts[i] = viaUpsert.insert(i, rows[i]);
        }
        t.apply(reads);
        t.apply(inserts);
        t.stop();
        String cols = String.join(", ", r.rowSchema().fields().stream()
                .map(f -> f.schema().type() == org.apache.kafka.connect.data.Schema.Type.BYTES && f.schema().name() == null ? hex(quote(f.name()))
                        : text(quote(f.name()))).toList());
        List<List<String>> bulk = harness().rows("SELECT " + cols + " FROM " + table(table) + " ORDER BY 1");
        assertThat(bulk).hasSize(rows.length);
        assertThat(bulk).isEqualTo(harness().rows("SELECT " + cols + " FROM " + table(table + "_up") + " ORDER BY 1"));
    }

    @Test
    void stringKeysDifferingOnlyInCaseOrTrailingSpaceStayThreeRows() {
        DebeziumRecords r = DebeziumRecords.table(topic("strkeys"), "postgresql")
                .column("k", SchemaBuilderOf.stringKey(), "TEXT").column("v", int32(), "INT4").key("k").build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("strkeys"));
        t.apply(r.insert(0, "a", 1), r.insert(1, "A", 2), r.insert(2, "a ", 3));
        t.stop();
        assertThat(harness().rows("SELECT v FROM " + table("strkeys") + " ORDER BY v"))
                .containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    @Test
    void zeroDateArrivesAsNullWhileARealEpochDateStays() {
        DebeziumRecords r = DebeziumRecords.table(topic("zerodates"), "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT").column("d", date(), "DATE").key("id").build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("zerodates"));
        t.apply(r.insert(0, 1L, null), r.insert(1, 2L, 0));
        t.stop();
        assertThat(harness().rows("SELECT " + text("d") + " FROM " + table("zerodates") + " ORDER BY id"))
                .containsExactly(java.util.Collections.singletonList(null), List.of("1970-01-01"));
    }

    @Test
    void anUpdateCarryingTheToastPlaceholderKeepsTheOldLargeValue() {
        DebeziumRecords r = DebeziumRecords.table(topic("toast"), "postgresql")
                .column("id", SchemaBuilderOf.int64Key(), "INT8").column("big", string(), "TEXT")
                .column("n", int32(), "INT4").key("id").build();
        String large = "x".repeat(20_000);
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("toast"));
        t.apply(r.insert(0, 1L, large, 1));
        t.apply(r.update(1, r.row(1L, null, 1), r.row(1L, "__debezium_unavailable_value", 2)));
        t.stop();
        assertThat(harness().rows("SELECT big, n FROM " + table("toast"))).containsExactly(List.of(large, "2"));
    }

    @Test
    void logErrorPolicyRecordsExactlyTheBadRowAndContinues() {
        DebeziumRecords r = people("badrows", "mariadb");
        db().execute("CREATE TABLE " + table("badrows") + " (id bigint PRIMARY KEY, name varchar(3))");
        FerrySinkTaskAccess t = harness().task(harness().props("error-policy", "log-error"), topic("badrows"));
        t.apply(r.insert(0, 1L, "ok"), r.insert(1, 2L, "too long"), r.insert(2, 3L, "ok3"));
        t.stop();
        assertThat(harness().rows("SELECT id FROM " + table("badrows") + " ORDER BY id"))
                .containsExactly(List.of("1"), List.of("3"));
        assertThat(harness().rows("SELECT table_name, operation, kafka_offset FROM " + quote(controlSchema())
                + ".ferry_apply_exceptions WHERE table_name = '" + schema() + ".badrows'"))
                .containsExactly(List.of(schema() + ".badrows", "create", "1"));
    }

    @Test
    void aSnapshotRowTheBulkPathCannotTakeMeetsTheErrorPolicyAndTheOthersLoad() {
        DebeziumRecords r = people("badbulk", "mariadb");
        db().execute("CREATE TABLE " + table("badbulk") + " (id bigint PRIMARY KEY, name varchar(3))");
        FerrySinkTaskAccess t = harness().task(harness().props("error-policy", "log-error"), topic("badbulk"));
        t.apply(r.read(0, 1L, "ok"), r.read(1, 2L, "too long"), r.read(2, 3L, "ok3"));
        t.stop();
        assertThat(harness().rows("SELECT id, name FROM " + table("badbulk") + " ORDER BY id"))
                .containsExactly(List.of("1", "ok"), List.of("3", "ok3"));
        assertThat(harness().rows("SELECT operation, kafka_offset FROM " + quote(controlSchema())
                + ".ferry_apply_exceptions WHERE table_name = '" + schema() + ".badbulk'"))
                .containsExactly(List.of("read", "1"));
    }

    @Test
    void exposesCommittedTableStatisticsOverJmxWhileTheTaskRuns() throws Exception {
        DebeziumRecords r = people("jmx", "mariadb");
        FerrySinkTaskAccess t = harness().task(harness().props("task.name", "jmx-task"), topic("jmx"));
        t.apply(r.read(0, 1L, "a"), r.read(1, 2L, "b"));
        t.apply(r.insert(2, 3L, "c"), r.update(3, r.row(1L, "a"), r.row(1L, "a2")), r.delete(4, 2L, "b"));
        var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("dev.ferry:type=SinkTask,task=jmx-task");
        var tables = (javax.management.openmbean.CompositeData[]) server.getAttribute(name, "Tables");
        var row = java.util.Arrays.stream(tables).filter(c -> c.get("table").equals(schema() + ".jmx")).findFirst()
                .orElseThrow();
        assertThat(List.of(row.get("state"), row.get("fullLoadRows"), row.get("inserts"), row.get("updates"),
                row.get("deletes"), row.get("ddls"))).containsExactly("full-load", 2L, 1L, 1L, 1L, 0L);
        t.stop();
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void truncateBeforeLoadEmptiesTheTableOnceWhenItsFullLoadStartsAndNeverOnResume() {
        DebeziumRecords r = people("preptrunc", "mariadb");
        db().execute("CREATE TABLE " + table("preptrunc") + " (id bigint PRIMARY KEY, name varchar(40), extra int)");
        db().execute("INSERT INTO " + table("preptrunc") + " VALUES (99, 'old', 1)");
        Map<String, String> props = harness().props("target-table-prep-mode", "truncate-before-load");
        FerrySinkTaskAccess first = harness().task(props, topic("preptrunc"));
        first.apply(r.read(0, 1L, "a"));
        first.crash();
        FerrySinkTaskAccess resumed = harness().task(props, topic("preptrunc"));
        resumed.apply(r.read(1, 2L, "b"));
        resumed.stop();
        assertThat(harness().rows("SELECT id, name, extra FROM " + table("preptrunc") + " ORDER BY id"))
                .containsExactly(java.util.Arrays.asList("1", "a", null), java.util.Arrays.asList("2", "b", null));
    }

    @Test
    void dropAndCreateRebuildsTheTableFromTheEventOnceWhenItsFullLoadStartsAndNeverOnResume() {
        DebeziumRecords r = people("prepdrop", "mariadb");
        db().execute("CREATE TABLE " + table("prepdrop") + " (id bigint PRIMARY KEY, name varchar(40), extra int)");
        db().execute("INSERT INTO " + table("prepdrop") + " VALUES (99, 'old', 1)");
        Map<String, String> props = harness().props("target-table-prep-mode", "drop-and-create");
        FerrySinkTaskAccess first = harness().task(props, topic("prepdrop"));
        first.apply(r.read(0, 1L, "a"));
        first.crash();
        FerrySinkTaskAccess resumed = harness().task(props, topic("prepdrop"));
        resumed.apply(r.read(1, 2L, "b"));
        resumed.stop();
        assertThat(harness().rows("SELECT * FROM " + table("prepdrop") + " ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"));
    }

    @Test
    void thePrepModeIsNotAppliedWhenTheFirstChangeIsStreamed() {
        DebeziumRecords r = people("prepcdc", "mariadb");
        db().execute("CREATE TABLE " + table("prepcdc") + " (id bigint PRIMARY KEY, name varchar(40))");
        db().execute("INSERT INTO " + table("prepcdc") + " VALUES (99, 'old')");
        FerrySinkTaskAccess t = harness().task(harness().props("target-table-prep-mode", "drop-and-create"),
                topic("prepcdc"));
        t.apply(r.insert(0, 1L, "a"));
        t.apply(r.read(1, 2L, "b"));
        t.stop();
        assertThat(harness().rows("SELECT id FROM " + table("prepcdc") + " ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"), List.of("99"));
    }

    @Test
    void stopTaskPolicyFailsNamingTableTopicAndOffset() {
        DebeziumRecords r = people("stoprows", "mariadb");
        db().execute("CREATE TABLE " + table("stoprows") + " (id bigint PRIMARY KEY, name varchar(3))");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("stoprows"));
        assertThatThrownBy(() -> t.apply(r.insert(0, 1L, "ok"), r.insert(1, 2L, "too long")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining(schema() + ".stoprows").hasMessageContaining("offset 1")
                .hasMessageContaining("topic " + topic("stoprows"));
        t.crash();
        assertThat(harness().rows("SELECT id FROM " + table("stoprows"))).isEmpty();
    }

    @Test
    void seeksToTheStoredOffsetOrToTheBeginning() {
        DebeziumRecords r = people("seek", "mariadb");
        FerrySinkTaskAccess first = harness().task(harness().props(), topic("seek"));
        TopicPartition tp = new TopicPartition(topic("seek"), 0);
        assertThat(first.seeks).containsEntry(tp, 0L);
        var committed = first.apply(r.insert(0, 1L, "a"), r.insert(1, 2L, "b"));
        assertThat(committed.get(tp).offset()).isEqualTo(2L);
        first.stop();
        FerrySinkTaskAccess second = harness().task(harness().props(), topic("seek"));
        assertThat(second.seeks).containsEntry(tp, 2L);
        second.stop();
    }

    @Test
    void aCrashedTaskIsReplacedWithoutLosingOrRepeatingChangesEvenWithoutKeyAndWithRenamedTopic() {
        DebeziumRecords r = DebeziumRecords.table(topic("crash"), "mariadb")
                .column("v", int32(), "INT").build().routedFrom("srv.db.crash");
        List<SinkRecord> all = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(r.insert(i, i % 3));
        }
        all.add(r.delete(10, 1));
        TopicPartition original = new TopicPartition("srv.db.crash", 0);
        FerrySinkTaskAccess first = harness().task(harness().props(), "srv.db.crash");
        first.apply(all.subList(0, 4).toArray(new SinkRecord[0]));
        first.flusher().commitHook(c -> {
            throw new SQLException("simulated crash during commit", "XX000");
        });
        assertThatThrownBy(() -> first.apply(all.subList(4, 8).toArray(new SinkRecord[0])))
                .isInstanceOf(ConnectException.class);
        first.crash();

        FerrySinkTaskAccess second = harness().task(harness().props(), "srv.db.crash");
        long resume = second.seeks.get(original);
        assertThat(resume).isEqualTo(4L);
        var committed = second.apply(all.subList((int) resume, all.size()).toArray(new SinkRecord[0]));
        second.stop();
        assertThat(committed.get(original).offset()).isEqualTo(11L);
        assertThat(harness().rows("SELECT v, count(*) FROM " + table("crash") + " GROUP BY v ORDER BY v"))
                .containsExactly(List.of("0", "4"), List.of("1", "2"), List.of("2", "3"));
    }

    @Test
    void aTaskThatLostItsPartitionCannotCommitAfterTheNewOwner() {
        DebeziumRecords r = people("fenced", "mariadb");
        FerrySinkTaskAccess old = harness().task(harness().props(), topic("fenced"));
        old.apply(r.insert(0, 1L, "a"));
        FerrySinkTaskAccess owner = harness().task(harness().props(), topic("fenced"));
        assertThatThrownBy(() -> old.apply(r.insert(1, 2L, "stale"))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("no longer owns");
        owner.apply(r.insert(1, 2L, "b"));
        old.crash();
        owner.stop();
        assertThat(harness().rows("SELECT id, name FROM " + table("fenced") + " ORDER BY id"))
                .containsExactly(List.of("1", "a"), List.of("2", "b"));
    }

    @Test
    void snapshotRowsIntoAnEmptyTableTakeTheBulkPathAndReplaysStayUpserts() {
        DebeziumRecords r = people("bulk", "mariadb");
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("bulk"));
        t.apply(r.read(0, 1L, "a\tb\\c\nd"), r.read(1, 2L, null), r.read(2, 3L, "c"));
        t.apply(r.read(3, 3L, "c2"), r.readLast(4, 4L, "d"));
        t.stop();
        assertThat(harness().rows("SELECT id, name FROM " + table("bulk") + " ORDER BY id"))
                .containsExactly(List.of("1", "a\tb\\c\nd"), java.util.Arrays.asList("2", null), List.of("3", "c2"),
                        List.of("4", "d"));
        assertThat(harness().rows("SELECT state, full_load_rows FROM " + quote(controlSchema())
                + ".ferry_table_state WHERE table_name = '" + schema() + ".bulk'")).containsExactly(List.of("completed", "5"));
    }
}
