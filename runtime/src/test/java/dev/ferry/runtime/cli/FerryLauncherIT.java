package dev.ferry.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/ferry} as a user does, after {@code mvn package}. */
class FerryLauncherIT {
    private static final Path HOME = Path.of(System.getProperty("ferry.home", "..")).toAbsolutePath().normalize();

    record Result(int exit, String out, String err) {
    }

    private static Result ferry(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void versionAndHelpWorkFromTheSourceTree() throws Exception {
        Path script = HOME.resolve("bin/ferry");
        Result version = ferry(script, Map.of("FERRY_OPTS", "-Duser.timezone=America/St_Johns"), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ferry " + FerryVersion.version());
        assertThat(version.err()).as("nothing on stderr").isEmpty();

        Result help = ferry(script, Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: ferry").contains("Commands:");
    }

    @Test
    void saysHowToBuildWhenTheProjectWasNotBuilt(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("ferry");
        Files.copy(HOME.resolve("bin/ferry"), script);
        Result r = ferry(script, Map.of(), "--version");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ferry: not built yet: " + dir.toRealPath()
                + "/runtime/target/ferry-runtime.jar is missing; run `mvn -B -DskipTests package` in "
                + dir.toRealPath() + " first");
    }

    @Test
    void heapIsOneGigabyteUnlessFerryOptsSaysOtherwise() throws Exception {
        Result r = ferry(HOME.resolve("bin/ferry"), Map.of("FERRY_OPTS", "-Xmx300m -XshowSettings:vm"), "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("Max. Heap Size: 300.00M");
        Result byDefault = ferry(HOME.resolve("bin/ferry"), Map.of("FERRY_OPTS", "-XshowSettings:vm"), "--version");
        assertThat(byDefault.err()).contains("Max. Heap Size: 1.00G");
    }
}
