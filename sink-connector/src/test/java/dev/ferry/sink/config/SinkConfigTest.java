package dev.ferry.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SinkConfigTest {
    @Test
    void rejectsAnUnknownEnumValueListingTheAllowedOnes() {
        assertThatThrownBy(() -> new SinkConfig(Map.of("connection.url", "jdbc:postgresql://h/db", "error-policy", "skip")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("error-policy").hasMessageContaining("stop-task, log-error, ignore-record");
    }

    @Test
    void parsesTypedValuesAndHidesThePassword() {
        SinkConfig c = new SinkConfig(Map.of("connection.url", "jdbc:postgresql://h/db", "connection.password", "s3cret",
                "connection.user", "u", "target-table-prep-mode", "drop-and-create", "name", "shop"));
        assertThat(c.prepMode()).isEqualTo(PrepMode.DROP_AND_CREATE);
        assertThat(c.taskName()).isEqualTo("shop");
        assertThat(c.jdbcProperties().getProperty("password")).isEqualTo("s3cret");
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(c.batchSize()).isEqualTo(5000);
    }
}
