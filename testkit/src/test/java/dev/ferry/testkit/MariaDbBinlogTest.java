package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;

@ExtendWith(MariaDbExtension.class)
class MariaDbBinlogTest {

    @Test
    void serverIsConfiguredForRowBasedCdc(MariaDbDatabase db) throws Exception {
        try (Connection c = db.adminConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ROW");
            assertThat(rs.getString(3)).isEqualTo("FULL");
            assertThat(rs.getLong(4)).isPositive();
        }
    }

    @Test
    void replicationUserReadsAnInsertedRowFromTheBinlog(MariaDbDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50))");
        BlockingQueue<Serializable[]> rows = new LinkedBlockingQueue<>();
        BinaryLogClient client = new BinaryLogClient(db.host(), db.port(), db.replicationUser(), db.replicationPassword());
        client.setServerId(65_001);
        client.registerEventListener(event -> {
            if (EventType.isWrite(event.getHeader().getEventType())) {
                WriteRowsEventData data = event.getData();
                rows.addAll(data.getRows());
            }
        });
        client.connect(10_000);
        try {
            db.execute("INSERT INTO items VALUES (42, 'binlog row')");
            Serializable[] row = rows.poll(30, TimeUnit.SECONDS);
            assertThat(row).as("row event for the insert").isNotNull();
            assertThat(row[0]).isEqualTo(42);
            Object name = row[1];
            String text = name instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(name);
            assertThat(text).isEqualTo("binlog row");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void replicationUserHoldsExactlyTheSourceConnectorPrivileges(MariaDbDatabase db) throws Exception {
        try (Connection c = db.adminConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GRANTS FOR '" + db.replicationUser() + "'@'%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("GRANT " + db.replicationGrants() + " ON *.* TO");
            assertThat(rs.next()).as("no further grants").isFalse();
        }
        assertThat(List.of("mariadb", "mysql")).contains(db.engine());
    }
}
