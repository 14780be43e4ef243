package dev.ferry.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
class SchemaDiscoveryTest {

    @Test
    void readsMariaDbTablesKeysColumnsAndForeignKeys(MariaDbDatabase db) throws Exception {
        db.execute("CREATE TABLE customer (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                        + "email VARCHAR(120) NOT NULL, doc JSON, price DECIMAL(12,2) DEFAULT 1.50, "
                        + "UNIQUE KEY uk_email (email))",
                "CREATE TABLE orders (customer_id BIGINT UNSIGNED NOT NULL, line INT NOT NULL, note TEXT, "
                        + "UNIQUE KEY uk_line (customer_id, line), "
                        + "CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customer (id))",
                "CREATE TABLE log (line TEXT)",
                "INSERT INTO customer (email) VALUES ('a@b.c')");
        Catalog catalog;
        try (Connection c = db.connect()) {
            catalog = SchemaDiscovery.discover(c, true, List.of(db.name()));
        }
        assertThat(catalog.schemas()).containsExactly(db.name());
        assertThat(catalog.tables()).extracting(TableInfo::name).containsExactly("customer", "log", "orders");

        TableInfo customer = catalog.table(db.name(), "customer").orElseThrow();
        assertThat(customer.rowKey()).containsExactly("id");
        ColumnInfo id = customer.column("id").orElseThrow();
        assertThat(id.sourceType()).isEqualTo("bigint(20) unsigned");
        assertThat(id.autoIncrement()).isTrue();
        assertThat(id.nullable()).isFalse();
        assertThat(customer.column("doc").orElseThrow().json()).as("MariaDB JSON is LONGTEXT + json_valid").isTrue();
        assertThat(customer.column("doc").orElseThrow().dataType()).isEqualTo("longtext");
        ColumnInfo price = customer.column("price").orElseThrow();
        assertThat(price.precision()).isEqualTo(12);
        assertThat(price.scale()).isEqualTo(2);
        assertThat(price.defaultValue()).isEqualTo("1.50");

        TableInfo orders = catalog.table(db.name(), "orders").orElseThrow();
        assertThat(orders.primaryKey()).isEmpty();
        assertThat(orders.rowKey()).as("unique NOT NULL key stands in for the PK").containsExactly("customer_id", "line");
        assertThat(orders.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("customer_id");
            assertThat(fk.referencedTable()).isEqualTo("customer");
            assertThat(fk.referencedColumns()).containsExactly("id");
        });
        assertThat(catalog.table(db.name(), "log").orElseThrow().keyed()).isFalse();
    }

    @Test
    void readsPostgresPartitionsInheritanceAndTypes(PostgresDatabase db) throws Exception {
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE DOMAIN year AS integer CHECK (VALUE BETWEEN 1901 AND 2155)",
                "CREATE TABLE film (film_id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title varchar(255) NOT NULL,"
                        + " rating mood, release year, features text[], price numeric(4,2), fulltext tsvector)",
                "CREATE TABLE measurement (city int NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (city, at))"
                        + " PARTITION BY RANGE (at)",
                "CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "CREATE TABLE measurement_2026 PARTITION OF measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "CREATE TABLE payment (id int PRIMARY KEY, amount numeric(5,2))",
                "CREATE TABLE payment_p1 () INHERITS (payment)");
        Catalog catalog;
        try (Connection c = db.connect()) {
            catalog = SchemaDiscovery.discover(c, false, List.of());
        }
        TableInfo film = catalog.table("public", "film").orElseThrow();
        assertThat(film.rowKey()).containsExactly("film_id");
        assertThat(film.column("film_id").orElseThrow().autoIncrement()).isTrue();
        assertThat(film.column("title").orElseThrow().length()).isEqualTo(255);
        assertThat(film.column("rating").orElseThrow().sourceType()).isEqualTo("mood");
        assertThat(film.column("release").orElseThrow().dataType()).isEqualTo("year");
        assertThat(film.column("features").orElseThrow().sourceType()).isEqualTo("text[]");
        assertThat(film.column("price").orElseThrow().precision()).isEqualTo(4);

        TableInfo root = catalog.table("public", "measurement").orElseThrow();
        assertThat(root.kind()).isEqualTo("PARTITIONED");
        assertThat(root.rowKey()).containsExactly("city", "at");
        assertThat(catalog.table("public", "measurement_2025").orElseThrow().partitionOf())
                .isEqualTo("public.measurement");
        TableInfo child = catalog.table("public", "payment_p1").orElseThrow();
        assertThat(child.inheritsFrom()).isEqualTo("public.payment");
        assertThat(child.partitionOf()).isNull();
        assertThat(child.keyed()).as("inheritance children do not inherit the primary key").isFalse();
    }
}
