package dev.ferry.source.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
    @TempDir
    Path dir;

    @Test
    void resolvesAnEnvironmentReferenceAndKeepsTheReference() {
        Secret s = Secret.resolve("${env:SRC_PW}", dir, Secret.envOf(Map.of("SRC_PW", "hunter2")));
        assertThat(s.reveal()).isEqualTo("hunter2");
        assertThat(s.reference()).isEqualTo("${env:SRC_PW}");
        assertThat(s.toString()).doesNotContain("hunter2");
    }

    @Test
    void resolvesAFileReferenceRelativeToTheTaskDirectory() throws Exception {
        Files.writeString(dir.resolve("secrets.properties"), "source=s3cr=t\n");
        Secret s = Secret.resolve("${file:secrets.properties:source}", dir, Secret.envOf(Map.of()));
        assertThat(s.reveal()).isEqualTo("s3cr=t");
        assertThat(s.reference()).isEqualTo("${file:" + dir.resolve("secrets.properties") + ":source}");
    }

    @Test
    void aMissingVariableNamesTheVariable() {
        assertThatThrownBy(() -> Secret.resolve("${env:NOPE}", dir, Secret.envOf(Map.of())))
                .hasMessage("environment variable NOPE is not set; export it or write the password another way");
    }

    @Test
    void aMissingKeyNamesFileAndKeyButNoValue() throws Exception {
        Files.writeString(dir.resolve("s.properties"), "other=topsecret\n");
        assertThatThrownBy(() -> Secret.resolve("${file:s.properties:source}", dir, Secret.envOf(Map.of())))
                .hasMessage("secrets file " + dir.resolve("s.properties") + " has no key 'source'")
                .message().doesNotContain("topsecret");
    }

    @Test
    void plainTextIsMaskedWhenPrintedAndScrubbedFromMessages() {
        Secret s = Secret.plain("p4ss");
        Endpoint e = new Endpoint(Engine.MARIADB, "db", 3306, "repl", s, null, TlsMode.NONE, null, Duration.ofSeconds(3));
        assertThat(e.toString()).doesNotContain("p4ss").contains("********");
        assertThat(s.scrub("Access denied (using password p4ss)")).isEqualTo("Access denied (using password ********)");
    }

    @Test
    void postgresEndpointsNeedADatabase() {
        assertThatThrownBy(() -> new Endpoint(Engine.POSTGRES, "h", 5432, "u", null, null, null, null, null))
                .hasMessage("database is required for a postgres endpoint");
    }

    @Test
    void anUnknownEngineListsTheAllowedOnes() {
        assertThatThrownBy(() -> Engine.of("oracle")).hasMessage("unknown engine 'oracle'; allowed: mysql, mariadb, postgres");
    }
}
