package dev.ferry.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.testkit.KafkaBroker;
import dev.ferry.testkit.KafkaExtension;

@ExtendWith(KafkaExtension.class)
class ConnectWorkerTest {

    @Test
    void findsFerryAndDebeziumPluginsThroughServiceLoader(KafkaBroker kafka) {
        try (ConnectWorker worker = ConnectWorker.start("plugins-check", kafka.bootstrapServers(), true, Map.of())) {
            JsonNode plugins = worker.rest().get("/connector-plugins?connectorsOnly=false");
            List<String> classes = new ArrayList<>();
            plugins.forEach(p -> classes.add(p.path("class").asText()));
            assertThat(classes).contains("dev.ferry.transforms.smt.TableMappingTransform",
                    "dev.ferry.sink.FerrySinkConnector",
                    "dev.ferry.source.debezium.FerrySourceConnector",
                    "io.debezium.connector.mariadb.MariaDbConnector",
                    "io.debezium.connector.postgresql.PostgresConnector");
            JsonNode root = worker.rest().get("/");
            assertThat(root.path("version").asText()).isEqualTo("4.1.1");
        }
    }
}
