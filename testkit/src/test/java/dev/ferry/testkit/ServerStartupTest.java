package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts all three servers together and reports how long they took (see the test output). */
@ExtendWith({MariaDbExtension.class, PostgresExtension.class, KafkaExtension.class})
class ServerStartupTest {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStartupTest.class);

    @Test
    void allServersComeUpOnEphemeralPortsNeverTheDefaultOnes(MariaDbDatabase mariadb, PostgresDatabase postgres,
                                                            KafkaBroker kafka) throws Exception {
        try (Connection m = mariadb.connect(); Connection p = postgres.connect()) {
            assertThat(m.isValid(5)).isTrue();
            assertThat(p.isValid(5)).isTrue();
        }
        if (System.getenv("FERRY_TEST_MARIADB_URL") == null && System.getenv("FERRY_TEST_MYSQL_URL") == null) {
            assertThat(mariadb.port()).isNotEqualTo(3306);
        }
        if (System.getenv("FERRY_TEST_POSTGRES_URL") == null) {
            assertThat(postgres.port()).isNotEqualTo(5432);
        }
        assertThat(kafka.bootstrapServers()).doesNotEndWith(":9092");
        LOG.info("Embedded server start-up times (ms): {}", TestServers.startupMillis());
    }

    @Test
    void testsRunInAZoneThatIsNeitherUtcNorAWholeHourOff() {
        // Set by the build (surefire argLine) so that code depending on the JVM default zone fails its tests.
        assertThat(TimeZone.getDefault().getID()).isEqualTo("America/St_Johns");
    }
}
