package dev.ferry.source.preflight;

import static dev.ferry.source.preflight.PreflightTestSupport.assertNoFailures;
import static dev.ferry.source.preflight.PreflightTestSupport.endpoint;
import static dev.ferry.source.preflight.PreflightTestSupport.result;
import static dev.ferry.source.preflight.PreflightTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.embedded.EmbeddedMariaDb;
import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;

@ExtendWith(MariaDbExtension.class)
class MariaDbPreflightTest {
    private final MariaDbDatabase db;
    private final List<TableRef> tables;

    MariaDbPreflightTest(MariaDbDatabase db) {
        this.db = db;
        this.tables = List.of(new TableRef(db.name(), "orders", true), new TableRef(db.name(), "log", false));
    }

    @BeforeAll
    static void createTables(MariaDbDatabase db) {
        db.execute("CREATE TABLE orders (id INT PRIMARY KEY)", "CREATE TABLE log (line TEXT)");
    }

    private Endpoint replicationUser() {
        return endpoint(db.engine(), db.host(), db.port(), db.replicationUser(), db.replicationPassword(), null);
    }

    @Test
    void aCorrectlyConfiguredServerAndUserPassEveryCheck() throws Exception {
        List<CheckResult> results = run(replicationUser(), tables);
        assertNoFailures(results);
        assertThat(result(results, "mysql.binlog-format").message()).isEqualTo("binlog_format is ROW");
        assertThat(result(results, "mysql.privilege.reload").status()).isEqualTo(CheckStatus.PASS);
        assertThat(result(results, "source.select").message()).isEqualTo("all 2 selected tables are readable");
    }

    @Test
    void aUserWithoutReplicationRightsIsToldTheExactGrant() throws Exception {
        Endpoint owner = endpoint(db.engine(), db.host(), db.port(), db.user(), db.password(), db.name());
        List<CheckResult> results = run(owner, tables);
        CheckResult slave = result(results, "mysql.privilege.replication-slave");
        assertThat(slave.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(slave.message()).isEqualTo("'" + db.user() + "'@'%' lacks REPLICATION SLAVE (to read the binary log)");
        assertThat(slave.fix()).isEqualTo("GRANT REPLICATION SLAVE ON *.* TO '" + db.user() + "'@'%';");
        assertThat(result(results, "mysql.privilege.binlog-monitor").fix())
                .isEqualTo("GRANT BINLOG MONITOR ON *.* TO '" + db.user() + "'@'%';");
        assertThat(result(results, "mysql.privilege.reload").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(results.toString()).doesNotContain(db.password());
    }

    @Test
    void reloadIsOnlyNeededWhenAKeylessTableIsSelected() throws Exception {
        Endpoint owner = endpoint(db.engine(), db.host(), db.port(), db.user(), db.password(), db.name());
        List<CheckResult> results = run(owner, List.of(new TableRef(db.name(), "orders", true)));
        assertThat(results).noneMatch(r -> r.check().equals("mysql.privilege.reload"));
    }

    @Test
    void aMissingTableFailsTheSelectCheck() throws Exception {
        List<CheckResult> results = run(replicationUser(), List.of(new TableRef(db.name(), "nope", true)));
        CheckResult select = result(results, "source.select");
        assertThat(select.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(select.message()).startsWith("cannot read " + db.name() + ".nope (");
    }

    @Test
    void statementFormatAndMinimalRowImageFailWithTheSettingToChange() throws Exception {
        try (Connection c = db.adminConnection(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL binlog_format = 'STATEMENT'");
            s.execute("SET GLOBAL binlog_row_image = 'MINIMAL'");
            try {
                List<CheckResult> results = run(replicationUser(), tables);
                CheckResult format = result(results, "mysql.binlog-format");
                assertThat(format.status()).isEqualTo(CheckStatus.FAIL);
                assertThat(format.message()).isEqualTo("binlog_format is STATEMENT, must be ROW");
                assertThat(format.fix()).startsWith("SET GLOBAL binlog_format = 'ROW';");
                assertThat(result(results, "mysql.binlog-row-image").message())
                        .isEqualTo("binlog_row_image is MINIMAL, must be FULL");
            } finally {
                s.execute("SET GLOBAL binlog_format = 'ROW'");
                s.execute("SET GLOBAL binlog_row_image = 'FULL'");
            }
        }
    }

    @Test
    void shortRetentionNonUtcZoneAndCompressedBinlogAreReportedWithTheirFixes() throws Exception {
        try (Connection c = db.adminConnection(); Statement s = c.createStatement()) {
            String retention = value(s, "SELECT @@binlog_expire_logs_seconds");
            s.execute("SET GLOBAL binlog_expire_logs_seconds = 3600");
            s.execute("SET GLOBAL time_zone = '+02:00'");
            s.execute("SET GLOBAL log_bin_compress = ON");
            try {
                List<CheckResult> results = run(replicationUser(), tables);
                CheckResult kept = result(results, "mysql.binlog-retention");
                assertThat(kept.status()).isEqualTo(CheckStatus.WARN);
                assertThat(kept.message()).isEqualTo("binary logs are kept 1 h; a task stopped longer than that must "
                        + "reload every table");
                CheckResult zone = result(results, "mysql.time-zone");
                assertThat(zone.status()).isEqualTo(CheckStatus.WARN);
                assertThat(zone.message()).startsWith("server time zone is +02:00;");
                CheckResult compress = result(results, "mariadb.log-bin-compress");
                assertThat(compress.status()).isEqualTo(CheckStatus.FAIL);
                assertThat(compress.fix()).startsWith("SET GLOBAL log_bin_compress = OFF;");
            } finally {
                s.execute("SET GLOBAL binlog_expire_logs_seconds = " + retention);
                s.execute("SET GLOBAL time_zone = '+00:00'");
                s.execute("SET GLOBAL log_bin_compress = OFF");
            }
        }
    }

    @Test
    void aTargetWithoutLocalInfileIsWarnedThatTheBulkPathIsOff() throws Exception {
        try (Connection c = db.adminConnection(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL local_infile = OFF");
            try {
                Endpoint owner = endpoint(db.engine(), db.host(), db.port(), db.user(), db.password(), db.name());
                List<CheckResult> results;
                try (Connection oc = dev.ferry.source.endpoint.JdbcEndpoints.connect(owner)) {
                    results = Preflight.targetChecks().run(new PreflightContext(owner, oc,
                            ServerInfo.of(oc, owner.engine()), List.of()));
                }
                CheckResult infile = result(results, "target.local-infile");
                assertThat(infile.status()).isEqualTo(CheckStatus.WARN);
                assertThat(infile.fix()).isEqualTo("SET GLOBAL local_infile = ON;");
                CheckResult create = result(results, "target.create");
                assertThat(create.status()).as("the owner has no global CREATE").isEqualTo(CheckStatus.WARN);
            } finally {
                s.execute("SET GLOBAL local_infile = ON");
            }
        }
    }

    private static String value(Statement s, String sql) throws Exception {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aServerWithoutBinaryLogFails(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        try (EmbeddedMariaDb noBinlog = EmbeddedMariaDb.builder().baseDir(dir).arg("--skip-log-bin").build().start()) {
            Endpoint root = endpoint("mariadb", noBinlog.host(), noBinlog.port(), "root", "", null);
            CheckResult binlog = result(run(root, List.of()), "mysql.binlog");
            assertThat(binlog.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(binlog.message()).isEqualTo("log_bin is OFF, must be ON");
            assertThat(binlog.fix()).startsWith("enable the binary log: add `log_bin=mysql-bin`");
        }
    }
}
