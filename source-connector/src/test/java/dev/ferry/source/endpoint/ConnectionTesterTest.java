package dev.ferry.source.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ferry.embedded.FreePorts;
import dev.ferry.source.endpoint.ConnectionFailure.Kind;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import dev.ferry.testkit.TestDatabase;

@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
class ConnectionTesterTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final ConnectionTester tester = new ConnectionTester("source");

    private final TestDatabase mariadb;
    private final TestDatabase postgres;

    ConnectionTesterTest(MariaDbDatabase mariadb, PostgresDatabase postgres) {
        this.mariadb = mariadb;
        this.postgres = postgres;
    }

    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("mariadb"), Arguments.of("postgres"));
    }

    private TestDatabase db(String engine) {
        return engine.equals("postgres") ? postgres : mariadb;
    }

    private static Endpoint endpoint(TestDatabase db, String host, int port, String password, String database,
                                     TlsMode tls) {
        return new Endpoint(Engine.of(db.engine()), host, port, db.user(), Secret.plain(password), database, tls,
                null, Duration.ofSeconds(5));
    }

    private static Endpoint good(TestDatabase db) {
        return endpoint(db, db.host(), db.port(), db.password(), db.name(), TlsMode.NONE);
    }

    private ConnectionTester.Result timed(Endpoint e) {
        long t0 = System.nanoTime();
        ConnectionTester.Result r = tester.test(e);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(LIMIT);
        if (!r.ok()) {
            assertThat(r.failure().message()).doesNotContain("\n").doesNotContain(e.password().reveal());
        }
        return r;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void reportsTheServerVersionWhenEverythingIsRight(String engine) {
        ConnectionTester.Result r = timed(good(db(engine)));
        assertThat(r.ok()).isTrue();
        assertThat(r.serverVersion()).containsIgnoringCase(engine.equals("postgres") ? "PostgreSQL" : "MariaDB");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aClosedPortIsToldApart(String engine) {
        TestDatabase db = db(engine);
        int closed = FreePorts.pick();
        ConnectionTester.Result r = timed(endpoint(db, "127.0.0.1", closed, db.password(), db.name(), TlsMode.NONE));
        assertThat(r.failure().kind()).isEqualTo(Kind.PORT_CLOSED);
        assertThat(r.failure().message()).isEqualTo("source: nothing listens on 127.0.0.1:" + closed
                + " (connection refused); check source.port and that the " + engine + " server is running");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aWrongPasswordIsToldApartAndNeverShown(String engine) {
        TestDatabase db = db(engine);
        ConnectionTester.Result r = timed(endpoint(db, db.host(), db.port(), "Wrong-Secret-123", db.name(), TlsMode.NONE));
        assertThat(r.failure().kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(r.failure().message()).isEqualTo("source: login failed for user '" + db.user() + "' on "
                + db.host() + ":" + db.port() + " (wrong password, or the user may not connect from this host); "
                + "check source.username and source.password");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anUnknownHostIsToldApart(String engine) {
        TestDatabase db = db(engine);
        ConnectionTester.Result r = timed(endpoint(db, "no-such-host.invalid", db.port(), db.password(), db.name(),
                TlsMode.NONE));
        assertThat(r.failure().kind()).isEqualTo(Kind.UNKNOWN_HOST);
        assertThat(r.failure().message())
                .isEqualTo("source: cannot resolve host 'no-such-host.invalid' (unknown host); check source.host");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anUnknownDatabaseIsToldApart(String engine) {
        TestDatabase db = db(engine);
        ConnectionTester.Result r = timed(endpoint(db, db.host(), db.port(), db.password(), "no_such_db", TlsMode.NONE));
        assertThat(r.failure().kind()).isEqualTo(Kind.UNKNOWN_DATABASE);
        String where = "source: database 'no_such_db' does not exist on " + db.host() + ":" + db.port();
        assertThat(r.failure().message()).isEqualTo(engine.equals("postgres")
                ? where + "; check source.database"
                : where + ", or user '" + db.user() + "' has no rights on it; check source.database and the user's grants");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tlsRequiredByTheTaskButOffOnTheServerIsToldApart(String engine) {
        TestDatabase db = db(engine);
        ConnectionTester.Result r = timed(endpoint(db, db.host(), db.port(), db.password(), db.name(), TlsMode.REQUIRE));
        assertThat(r.failure().kind()).isEqualTo(Kind.TLS);
        assertThat(r.failure().message()).startsWith("source: TLS failed on " + db.host() + ":" + db.port()
                + " with tls mode require (").endsWith("); set source.tls.mode to match the server "
                + "(none, require, verify-ca, verify-full) or fix its certificates");
    }
}
