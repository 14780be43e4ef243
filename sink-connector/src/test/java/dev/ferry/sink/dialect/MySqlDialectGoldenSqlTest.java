package dev.ferry.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sink.config.DialectChoice;
import dev.ferry.sink.dialect.TargetType.Kind;
import dev.ferry.sink.event.TableId;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MySqlDialectGoldenSqlTest {
    private final Dialect maria = Dialects.choose(DialectChoice.AUTO, "jdbc:mariadb://h:3306/db");
    private final Dialect mysql = Dialects.choose(DialectChoice.AUTO, "jdbc:mysql://h:3306/db");
    private final TableId t = new TableId("shop", "Order");

    @Test
    void isChosenFromTheJdbcUrlOrRejectsAnUnknownOne() {
        assertThat(maria).isInstanceOf(MariaDbDialect.class);
        assertThat(mysql).isExactlyInstanceOf(MySqlDialect.class);
        assertThatThrownBy(() -> Dialects.choose(DialectChoice.AUTO, "jdbc:sqlserver://h"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void createsTablesWithABinaryNoPadCollationPerServer() {
        List<ColumnDef> cols = List.of(new ColumnDef("k", TargetType.of(Kind.TEXT), false),
                new ColumnDef("n", TargetType.of(Kind.VARCHAR).withLength(10, null), true));
        assertThat(maria.createTable(t, cols, List.of("k"))).isEqualTo("CREATE TABLE `shop`.`Order` (`k` varchar(768) NOT NULL, "
                + "`n` varchar(10) NULL, PRIMARY KEY (`k`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin");
        assertThat(mysql.createTable(t, cols, List.of("k"))).endsWith("COLLATE=utf8mb4_0900_bin");
    }

    @Test
    void upsertsWithOnDuplicateKeyUpdate() {
        assertThat(maria.upsert(t, List.of("id", "v"), List.of("id"))).isEqualTo("INSERT INTO `shop`.`Order` (`id`, `v`) "
                + "VALUES (?, ?) ON DUPLICATE KEY UPDATE `v` = VALUES(`v`)");
    }

    @Test
    void changesExactlyOneRowOfATableWithoutKeyNullSafely() {
        assertThat(maria.deleteOneRow(t, List.of("a", "b")))
                .isEqualTo("DELETE FROM `shop`.`Order` WHERE `a` <=> ? AND `b` <=> ? LIMIT 1");
        assertThat(maria.updateOneRow(t, List.of("a"), List.of("a")))
                .isEqualTo("UPDATE `shop`.`Order` SET `a` = ? WHERE `a` <=> ? LIMIT 1");
    }

    @Test
    void truncatesWithDeleteSoTheOffsetsTransactionIsNotCommitted() {
        assertThat(maria.truncate(t)).isEqualTo("DELETE FROM `shop`.`Order`");
    }

    @Test
    void quotesBackticks() {
        assertThat(maria.quote("a`b")).isEqualTo("`a``b`");
    }

    @Test
    void keepsMySqlSourceTypesAndMapsPostgresOnesLosslessly() {
        assertThat(maria.columnType(TargetType.of(Kind.INT32).withSource("MEDIUMINT UNSIGNED", true), false))
                .isEqualTo("mediumint unsigned");
        assertThat(maria.columnType(TargetType.of(Kind.DECIMAL).withLength(20, 0).withSource("BIGINT UNSIGNED", true), false))
                .isEqualTo("bigint unsigned");
        assertThat(maria.columnType(TargetType.of(Kind.DECIMAL), false)).isEqualTo("decimal(65,30)");
        assertThat(maria.columnType(TargetType.of(Kind.TIMESTAMPTZ).withLength(6, null), false)).isEqualTo("datetime(6)");
        assertThat(maria.columnType(TargetType.of(Kind.TIMESTAMPTZ).withLength(3, null).withSource("TIMESTAMP", true), false))
                .isEqualTo("timestamp(3)");
        assertThat(maria.columnType(TargetType.of(Kind.TIME_SPAN).withLength(6, null), false)).isEqualTo("time(6)");
        assertThat(maria.columnType(TargetType.of(Kind.ENUM).withValues(List.of("a", "it's")), false))
                .isEqualTo("enum('a','it''s')");
        assertThat(maria.columnType(TargetType.of(Kind.JSON), false)).isEqualTo("json");
        assertThat(mysql.columnType(TargetType.of(Kind.JSON), false)).isEqualTo("longtext");
        assertThat(maria.columnType(TargetType.of(Kind.BYTES), true)).isEqualTo("varbinary(768)");
        assertThat(maria.columnType(TargetType.of(Kind.UUID), false)).isEqualTo("char(36)");
    }
}
