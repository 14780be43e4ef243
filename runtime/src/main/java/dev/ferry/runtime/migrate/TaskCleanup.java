package dev.ferry.runtime.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;

import dev.ferry.runtime.kafka.TopicManager;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.debezium.DebeziumConfigCompiler;

/**
 * Removes what a task created outside the target tables: slot and publication, topics (with the embedded broker,
 * its whole log directory), Connect's state, the task's control rows and the data directory's state files.
 */
public final class TaskCleanup {
    private TaskCleanup() {
    }

    /**
     * {@code ferry cleanup}: everything the task created outside the target tables, and the data directory's state
     * (the embedded broker's log directory included), so the task can start over or be forgotten.
     */
    public static void all(TaskFile task, RunDirectory dir) throws Exception {
        forRestart(task, dir);
        Files.deleteIfExists(dir.secretsFile());
        Files.deleteIfExists(dir.runtimeFile());
    }

    static void forRestart(TaskFile task, RunDirectory dir) throws Exception {
        SourceCleanup.dropSlotAndPublication(task);
        deleteKafkaState(task, dir);
        deleteControlRows(task);
        Files.deleteIfExists(dir.path().resolve("state.json"));
        Files.deleteIfExists(dir.fingerprintFile());
    }

    private static void deleteKafkaState(TaskFile task, RunDirectory dir) throws IOException {
        if (task.embeddedKafka()) {
            deleteTree(dir.kafkaDir());
            return;
        }
        String prefix = task.name() + ".";
        String internal = "ferry-" + task.name() + "-";
        try (TopicManager topics = new TopicManager(task.bootstrapServers(), false)) {
            List<String> own = topics.names().stream().filter(t -> t.startsWith(prefix) || t.startsWith(internal))
                    .toList();
            topics.delete(own);
            topics.admin().deleteConsumerGroups(List.of("ferry-" + task.name() + "-connect",
                    DebeziumConfigCompiler.signalTopic(task.name())));
        }
    }

    static void deleteControlRows(TaskFile task) throws Exception {
        ControlSchema control = new ControlSchema(task.target(), task.settings().controlSchema(), task.name());
        try (Connection c = control.connect()) {
            if (!control.exists(c)) {
                return;
            }
            boolean mysql = task.target().engine().isMySqlFamily();
            String q = mysql ? "`" : "\"";
            for (String table : List.of("ferry_offsets", "ferry_table_state", "ferry_apply_exceptions")) {
                String sql = "DELETE FROM " + q + task.settings().controlSchema() + q + "." + q + table + q + " WHERE "
                        + q + "task" + q + " = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, task.name());
                    ps.executeUpdate();
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
