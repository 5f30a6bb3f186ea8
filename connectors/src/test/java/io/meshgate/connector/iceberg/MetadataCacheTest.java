package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's metadata cache against changes made by another engine (a second catalog on the
 * same SQLite file): queries see every change at once, listings within the listing freshness.
 */
class MetadataCacheTest {
    private static final Duration FRESHNESS = Duration.ofSeconds(10);
    private static final SchemaTableName ORDERS = new SchemaTableName("sales", "orders");

    @TempDir
    Path directory;
    private final AtomicLong now = new AtomicLong();
    private IcebergConnector connector;
    private JdbcCatalog otherEngine;

    @BeforeEach
    void open() {
        JdbcCatalogSpec spec = IcebergConnectorSqliteTest.sqlite(directory, "shop");
        otherEngine = IcebergCatalogs.openJdbc(spec);
        otherEngine.createNamespace(Namespace.of("sales"));
        otherEngine.createTable(TableIdentifier.of("sales", "orders"), new Schema(List.of(
                Types.NestedField.required(1, "id", Types.LongType.get(), "Order number"),
                Types.NestedField.optional(2, "region", Types.StringType.get())), Set.of(1)));
        connector = new IcebergConnector(IcebergCatalogs.openJdbc(spec), new MetadataCacheConfig(100, FRESHNESS), now::get);
    }

    @AfterEach
    void close() throws Exception {
        connector.close();
        otherEngine.close();
    }

    private void addColumnElsewhere(String name) {
        otherEngine.loadTable(TableIdentifier.of("sales", "orders")).updateSchema().addColumn(name, Types.StringType.get()).commit();
    }

    private static List<String> columns(TableMetadata table) {
        return table.schema().getFields().stream().map(f -> f.getName()).toList();
    }

    @Test
    void queriesSeeAnotherEnginesCommitAtOnce() {
        assertEquals(List.of("id", "region"), columns(connector.table(ORDERS).orElseThrow()));
        addColumnElsewhere("note");
        assertEquals(List.of("id", "region", "note"), columns(connector.table(ORDERS).orElseThrow()));
    }

    @Test
    void listingsSeeAnotherEnginesChangesWithinTheFreshness() {
        assertEquals(List.of("id", "region"), columns(connector.listedTable(ORDERS).orElseThrow()));
        assertEquals(List.of("orders"), connector.tableNames("sales"));
        addColumnElsewhere("note");
        otherEngine.createTable(TableIdentifier.of("sales", "returns"), new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
        now.addAndGet(FRESHNESS.toNanos() - 1);
        assertEquals(List.of("id", "region"), columns(connector.listedTable(ORDERS).orElseThrow()), "within the freshness, from the cache");
        assertEquals(List.of("orders"), connector.tableNames("sales"));
        now.addAndGet(2);
        assertEquals(List.of("id", "region", "note"), columns(connector.listedTable(ORDERS).orElseThrow()));
        assertEquals(List.of("orders", "returns"), connector.tableNames("sales"));
    }

    @Test
    void aDroppedAndRecreatedTableIsANewTable() {
        String uuid = connector.table(ORDERS).orElseThrow().uuid();
        otherEngine.dropTable(TableIdentifier.of("sales", "orders"));
        assertTrue(connector.table(ORDERS).isEmpty());
        otherEngine.createTable(TableIdentifier.of("sales", "orders"), new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
        assertNotEquals(uuid, connector.table(ORDERS).orElseThrow().uuid());
    }

    @Test
    void aTableDroppedAndRecreatedBetweenTwoLookupsIsANewTable() {
        String uuid = connector.table(ORDERS).orElseThrow().uuid();
        otherEngine.dropTable(TableIdentifier.of("sales", "orders"));
        otherEngine.createTable(TableIdentifier.of("sales", "orders"), new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
        TableMetadata recreated = connector.table(ORDERS).orElseThrow();
        assertNotEquals(uuid, recreated.uuid());
        assertEquals(1, recreated.schema().getFields().size());
    }

    @Test
    void columnDocsAndIdentifierFieldsTravelAsFieldMetadata() {
        TableMetadata orders = connector.table(ORDERS).orElseThrow();
        assertEquals("Order number", orders.schema().getFields().get(0).getMetadata().get(TableMetadata.COMMENT));
        assertEquals("true", orders.schema().getFields().get(0).getMetadata().get(TableMetadata.IDENTIFIER));
        assertEquals(null, orders.schema().getFields().get(1).getMetadata().get(TableMetadata.IDENTIFIER));
    }
}
