package dev.ferry.source.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.JdbcEndpoints;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.source.endpoint.TlsMode;

/** Runs the preflight as a given user and finds one check's verdict. */
final class PreflightTestSupport {
    private PreflightTestSupport() {
    }

    static Endpoint endpoint(String engine, String host, int port, String user, String password, String database) {
        return new Endpoint(Engine.of(engine), host, port, user, Secret.plain(password), database, TlsMode.NONE, null,
                Duration.ofSeconds(5));
    }

    static List<CheckResult> run(Endpoint e, List<TableRef> tables) throws Exception {
        try (Connection c = JdbcEndpoints.connect(e)) {
            PreflightContext ctx = new PreflightContext(e, c, ServerInfo.of(c, e.engine()), tables);
            return Preflight.sourceChecks().run(ctx);
        }
    }

    static CheckResult result(List<CheckResult> results, String id) {
        return results.stream().filter(r -> r.check().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + " in " + results));
    }

    static void assertNoFailures(List<CheckResult> results) {
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isNotEqualTo(CheckStatus.FAIL));
    }
}
