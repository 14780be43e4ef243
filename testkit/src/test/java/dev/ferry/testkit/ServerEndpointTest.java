package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void parsesAnOverrideUrlWithCredentialsInTheQuery() {
        ServerEndpoint e = ServerEndpoint.parse("FERRY_TEST_MYSQL_URL", "mysql",
                "jdbc:mysql://db.local:3307/?user=root&password=p%40ss");
        assertThat(e.host()).isEqualTo("db.local");
        assertThat(e.port()).isEqualTo(3307);
        assertThat(e.adminUser()).isEqualTo("root");
        assertThat(e.adminPassword()).isEqualTo("p@ss");
        assertThat(e.jdbcUrl("shop")).isEqualTo("jdbc:mysql://db.local:3307/shop");
        assertThat(e.toString()).doesNotContain("p@ss");
    }

    @Test
    void postgresOverrideDefaultsToThePostgresDatabase() {
        ServerEndpoint e = ServerEndpoint.parse("FERRY_TEST_POSTGRES_URL", "postgres",
                "jdbc:postgresql://127.0.0.1:5433?user=postgres&password=x");
        assertThat(e.adminDatabase()).isEqualTo("postgres");
        assertThat(e.jdbcUrl("t1")).isEqualTo("jdbc:postgresql://127.0.0.1:5433/t1");
    }

    @Test
    void rejectsAnOverrideWithoutUserNamingTheVariableAndTheFormat() {
        assertThatThrownBy(() -> ServerEndpoint.parse("FERRY_TEST_MARIADB_URL", "mariadb", "jdbc:mariadb://h:3306/"))
                .hasMessage("FERRY_TEST_MARIADB_URL must carry the admin user as ?user=...&password=..., "
                        + "e.g. jdbc:mariadb://127.0.0.1:3306/?user=root&password=secret");
    }
}
