package dev.ferry.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.source.debezium.MigrationType;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.TlsMode;

class TaskFileParserTest {
    @TempDir
    Path dir;

    private final TaskFileParser parser = new TaskFileParser(Map.of("SRC_PW", "src-secret")::get);

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("task.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static final String VALID = """
            name: shop-to-pg
            migration-type: full-load-and-cdc
            source:
              engine: mariadb
              host: 127.0.0.1
              port: 3307
              username: repl
              password: ${env:SRC_PW}
              database: shop
            target:
              engine: postgres
              host: 127.0.0.1
              username: ferry
              password: plain-pw
              database: shop
              tls: {mode: require}
              connect-timeout: 3s
            table-mappings:
              rules:
                - {rule-type: selection, rule-id: "1", rule-name: "1", object-locator: {schema-name: shop, table-name: "%"}, rule-action: include}
            settings:
              error-policy: log-error
            """;

    @Test
    void readsAFullTaskFileWithDefaultsAndResolvedSecrets() throws Exception {
        TaskFile t = parser.parse(write(VALID));
        assertThat(t.name()).isEqualTo("shop-to-pg");
        assertThat(t.migrationType()).isEqualTo(MigrationType.FULL_LOAD_AND_CDC);
        assertThat(t.source().engine()).isEqualTo(Engine.MARIADB);
        assertThat(t.source().port()).isEqualTo(3307);
        assertThat(t.source().password().reveal()).isEqualTo("src-secret");
        assertThat(t.source().password().reference()).isEqualTo("${env:SRC_PW}");
        assertThat(t.target().port()).as("default port of the engine").isEqualTo(5432);
        assertThat(t.target().tls()).isEqualTo(TlsMode.REQUIRE);
        assertThat(t.target().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.settings().errorPolicy()).isEqualTo("log-error");
        assertThat(t.settings().targetTablePrepMode()).isEqualTo("drop-and-create");
        assertThat(t.tableMappings()).contains("\"rule-type\":\"selection\"");
        assertThat(t.dataDir()).isEqualTo(dir.resolve("ferry-data"));
        assertThat(t.embeddedKafka()).isTrue();
        assertThat(t.slotName()).isEqualTo("ferry_shop_to_pg");
        assertThat(t.toString()).doesNotContain("src-secret").doesNotContain("plain-pw");
    }

    @Test
    void aMistypedKeyNamesFileLineAndTheNearestKey() throws Exception {
        Path f = write(VALID.replace("  host: 127.0.0.1\n  port: 3307", "  hots: 127.0.0.1\n  port: 3307"));
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith("task.yaml:5: unknown key 'source.hots'; did you mean 'host'?");
    }

    @Test
    void anUnknownValueListsTheAllowedOnes() throws Exception {
        Path f = write(VALID.replace("error-policy: log-error", "error-policy: shrug"));
        assertThatThrownBy(() -> parser.parse(f)).hasMessage("task.yaml:22: settings.error-policy 'shrug' is not "
                + "valid; allowed values: stop-task, log-error, ignore-record");
    }

    @Test
    void aMissingEnvironmentVariableIsNamedButNoSecretIsShown() throws Exception {
        Path f = write(VALID.replace("${env:SRC_PW}", "${env:MISSING_PW}"));
        assertThatThrownBy(() -> parser.parse(f)).hasMessage("task.yaml:8: source.password: environment variable "
                + "MISSING_PW is not set; export it or write the password another way");
    }

    @Test
    void mappingsMayBeAFileNextToTheTask() throws Exception {
        Files.writeString(dir.resolve("mappings.json"), "{\"rules\":[]}");
        String yaml = VALID.substring(0, VALID.indexOf("table-mappings:")) + "table-mappings: mappings.json\n";
        assertThat(parser.parse(write(yaml)).tableMappings()).isEqualTo("{\"rules\":[]}");
    }

    @Test
    void aBadNameAndAnUnknownMigrationTypeAreBothReported() throws Exception {
        Path f = write(VALID.replace("name: shop-to-pg", "name: Shop_To_PG")
                .replace("migration-type: full-load-and-cdc", "migration-type: sync"));
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOfSatisfying(TaskFileException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "task.yaml:1: name 'Shop_To_PG' must be 1-40 characters of a-z, 0-9 and '-' (it names topics and slots)",
                        "task.yaml:2: migration-type 'sync' is not valid; allowed values: full-load, cdc, full-load-and-cdc"));
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        Path f = write("name: x\nsource: [unclosed\n");
        assertThatThrownBy(() -> parser.parse(f)).hasMessageStartingWith("task.yaml:");
    }
}
