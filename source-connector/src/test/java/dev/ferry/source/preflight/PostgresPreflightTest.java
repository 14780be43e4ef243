package dev.ferry.source.preflight;

import static dev.ferry.source.preflight.PreflightTestSupport.assertNoFailures;
import static dev.ferry.source.preflight.PreflightTestSupport.endpoint;
import static dev.ferry.source.preflight.PreflightTestSupport.result;
import static dev.ferry.source.preflight.PreflightTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.embedded.EmbeddedPostgres;
import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class PostgresPreflightTest {
    private final PostgresDatabase db;
    private final List<TableRef> keyed;

    PostgresPreflightTest(PostgresDatabase db) {
        this.db = db;
        this.keyed = List.of(new TableRef("public", "orders", true));
    }

    @BeforeAll
    static void createTables(PostgresDatabase db) {
        db.execute("CREATE TABLE orders (id int PRIMARY KEY)", "CREATE TABLE log (line text)",
                "CREATE TABLE audit (line text)", "ALTER TABLE audit REPLICA IDENTITY FULL");
    }

    private Endpoint owner() {
        return endpoint("postgres", db.host(), db.port(), db.user(), db.password(), db.name());
    }

    @Test
    void theTableOwnerWithReplicationPassesEveryCheck() throws Exception {
        List<CheckResult> results = run(owner(), List.of(new TableRef("public", "orders", true),
                new TableRef("public", "audit", false)));
        assertNoFailures(results);
        assertThat(result(results, "postgres.wal-level").message()).isEqualTo("wal_level is logical");
        assertThat(result(results, "postgres.replication-capacity").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aKeylessTableWithDefaultReplicaIdentityFailsWithTheAlterToRun() throws Exception {
        CheckResult r = result(run(owner(), List.of(new TableRef("public", "log", false))), "postgres.replica-identity");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).isEqualTo("public.log has no primary key and no full replica identity; in a "
                + "publication, UPDATE and DELETE on it would fail");
        assertThat(r.fix()).isEqualTo("ALTER TABLE \"public\".\"log\" REPLICA IDENTITY FULL;");
    }

    @Test
    void aUserWithoutReplicationOrOwnershipIsToldWhatToGrant() throws Exception {
        try (var c = db.adminConnection(); var s = c.createStatement()) {
            s.execute("CREATE ROLE plain_" + db.name() + " LOGIN PASSWORD 'Plain-pw-1'");
            s.execute("GRANT CONNECT ON DATABASE " + db.name() + " TO plain_" + db.name());
        }
        db.execute("GRANT USAGE ON SCHEMA public TO plain_" + db.name(), "GRANT SELECT ON orders TO plain_" + db.name());
        Endpoint plain = endpoint("postgres", db.host(), db.port(), "plain_" + db.name(), "Plain-pw-1", db.name());
        List<CheckResult> results = run(plain, keyed);
        CheckResult role = result(results, "postgres.replication-role");
        assertThat(role.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(role.fix()).startsWith("ALTER ROLE plain_" + db.name() + " REPLICATION;");
        CheckResult pub = result(results, "postgres.publication-rights");
        assertThat(pub.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result(results, "source.select").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void unlimitedSlotWalRetentionIsAWarning() throws Exception {
        CheckResult r = result(run(owner(), keyed), "postgres.max-slot-wal-keep-size");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.message()).startsWith("max_slot_wal_keep_size is unlimited");
    }

    @Test
    void noFreeReplicationSlotFailsWithTheFix(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().baseDir(dir).superuserPassword("Pw-slots-1")
                .setting("max_replication_slots", "1").nonDurable().build().start()) {
            Endpoint su = endpoint("postgres", pg.host(), pg.port(), EmbeddedPostgres.SUPERUSER, "Pw-slots-1", "postgres");
            try (var c = pg.superuserConnection("postgres"); var s = c.createStatement()) {
                s.execute("SELECT pg_create_logical_replication_slot('taken', 'pgoutput')");
            }
            CheckResult r = result(run(su, List.of()), "postgres.replication-capacity");
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.message()).startsWith("0 of 1 replication slots");
            assertThat(r.fix()).startsWith("drop an unused slot");
        }
    }

    @Test
    void walLevelReplicaFailsWithTheSettingToChange(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().baseDir(dir).superuserPassword("Pw-replica-1")
                .setting("wal_level", "replica").nonDurable().build().start()) {
            Endpoint su = endpoint("postgres", pg.host(), pg.port(), EmbeddedPostgres.SUPERUSER, "Pw-replica-1", "postgres");
            CheckResult r = result(run(su, List.of()), "postgres.wal-level");
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.message()).isEqualTo("wal_level is replica, must be logical");
            assertThat(r.fix()).startsWith("ALTER SYSTEM SET wal_level = logical;");
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void dropPlainRole(PostgresDatabase db) throws Exception {
        String role = "plain_" + db.name();
        try (var c = db.adminConnection(); var s = c.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next()) {
                return;
            }
        }
        db.execute("REVOKE ALL ON orders FROM " + role, "REVOKE ALL ON SCHEMA public FROM " + role);
        try (var c = db.adminConnection(); var s = c.createStatement()) {
            s.execute("REVOKE ALL ON DATABASE " + db.name() + " FROM " + role);
            s.execute("DROP ROLE " + role);
        }
    }
}
