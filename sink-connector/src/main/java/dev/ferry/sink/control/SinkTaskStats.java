package dev.ferry.sink.control;

import dev.ferry.sink.event.TableId;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed per-table statistics of one task, registered on the platform MBean server as
 * {@code dev.ferry:type=SinkTask,task=<task.name>} while the task runs. Updated only after a flush commits, with
 * copies, so JMX readers never see a rolled-back count.
 */
public final class SinkTaskStats implements SinkTaskStatsMXBean, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkTaskStats.class);
    private final String task;
    private final Map<String, TableStats> tables = new ConcurrentSkipListMap<>();
    private ObjectName name;

    public SinkTaskStats(String task) {
        this.task = task;
    }

    public static ObjectName objectName(String task) throws JMException {
        boolean plain = task.chars().noneMatch(ch -> ",=:\"*?\n".indexOf(ch) >= 0);
        return new ObjectName("dev.ferry:type=SinkTask,task=" + (plain ? task : ObjectName.quote(task)));
    }

    /** Registers the MBean; a bean left by an earlier task of the same name in this JVM is replaced. */
    public SinkTaskStats register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName n = objectName(task);
            if (server.isRegistered(n)) {
                server.unregisterMBean(n);
            }
            server.registerMBean(this, n);
            name = n;
        } catch (JMException e) {
            LOG.warn("Cannot register the JMX statistics of task {}: {}", task, e.getMessage());
        }
        return this;
    }

    public void update(TableId table, TableStats committed) {
        tables.put(table.toString(), committed.copy());
    }

    @Override
    public String getTask() {
        return task;
    }

    @Override
    public List<TableStatistics> getTables() {
        return tables.entrySet().stream().map(e -> new TableStatistics(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("JMX statistics of task {} were already unregistered", task);
        }
        name = null;
    }
}
