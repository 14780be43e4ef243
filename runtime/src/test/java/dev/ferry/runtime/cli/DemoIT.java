package dev.ferry.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code bin/ferry demo} exactly as the README's first command runs it (after {@code mvn package}). */
class DemoIT {
    private static final Path HOME = Path.of(System.getProperty("ferry.home", "..")).toAbsolutePath().normalize();

    @Test
    void theDemoMigratesSakilaWithLiveChangesAndProvesTargetEqualsSource() throws Exception {
        Process p = new ProcessBuilder(HOME.resolve("bin/ferry").toString(), "demo").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("full load completed").containsPattern("target equals source: 16 tables, \\d+ rows");
    }
}
