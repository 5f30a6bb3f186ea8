package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanPredicate.Comparison;
import io.meshgate.spi.ScanPredicate.Operator;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;

/**
 * What every Iceberg catalog and storage behind the connector must do alike: list, describe, scan
 * with projection, filter and limit, and prune partitions. Subclasses create {@link #ORDERS} with
 * {@link #ORDER_COUNT} orders of {@link SampleOrders} and {@link #EMPTY} without data.
 */
abstract class IcebergConnectorContract {
    static final TableIdentifier ORDERS = TableIdentifier.of(Namespace.of("commerce", "sales"), "orders");
    static final TableIdentifier EMPTY = TableIdentifier.of(Namespace.of("commerce", "sales"), "returns");
    static final SchemaTableName ORDERS_NAME = new SchemaTableName("commerce.sales", "orders");
    static final int ORDER_COUNT = 1000;
    static final LocalDate MARCH = LocalDate.of(2024, 3, 1);

    abstract IcebergConnector connector();

    static Table createTables(IcebergConnector connector) {
        Table orders = SampleOrders.create(connector.catalog(), ORDERS, ORDER_COUNT);
        IcebergTestTables.create(connector.catalog(), EMPTY, SampleOrders.SCHEMA, SampleOrders.SPEC, java.util.Map.of());
        return orders;
    }

    TableMetadata orders() {
        return connector().table(ORDERS_NAME).orElseThrow();
    }

    @Test
    void listsNamespacesWithLevelsJoinedAndTablesSorted() {
        List<String> schemas = connector().schemaNames();
        assertTrue(schemas.containsAll(List.of("commerce", "commerce.sales")), schemas.toString());
        assertEquals(List.of("orders", "returns"), connector().tableNames("commerce.sales"));
        assertEquals(List.of(), connector().tableNames("no.such.schema"));
    }

    @Test
    void describesTableAtItsCurrentSnapshot() {
        Table table = connector().catalog().loadTable(ORDERS);
        TableMetadata metadata = orders();
        assertEquals(table.uuid().toString(), metadata.uuid());
        assertEquals(table.currentSnapshot().snapshotId(), metadata.snapshotId().getAsLong());
        assertEquals(table.currentSnapshot().timestampMillis(), metadata.snapshotTimestampMillis().getAsLong());
        assertEquals(List.of("month(o_orderdate)"), metadata.partitioning());
        assertEquals("zstd", metadata.properties().get("write.parquet.compression-codec"));
        List<Field> fields = metadata.schema().getFields();
        assertEquals(List.of("o_orderkey", "o_custkey", "o_orderstatus", "o_totalprice", "o_orderdate", "o_comment"),
                fields.stream().map(Field::getName).toList());
        assertEquals(new ArrowType.Int(64, true), fields.get(0).getType());
        assertEquals(new ArrowType.Decimal(12, 2, 128), fields.get(3).getType());
        assertEquals(new ArrowType.Date(DateUnit.DAY), fields.get(4).getType());
        assertTrue(!fields.get(0).isNullable() && fields.get(5).isNullable());
        assertTrue(connector().table(new SchemaTableName("commerce.sales", "no_such_table")).isEmpty());
        TableMetadata empty = connector().table(new SchemaTableName("commerce.sales", "returns")).orElseThrow();
        assertTrue(empty.snapshotId().isEmpty() && empty.snapshotTimestampMillis().isEmpty());
    }

    @Test
    void scansProjectedColumnsInRequestedOrderForAPartitionFilter() {
        ScanSpec spec = ScanSpec.allOf(List.of("o_orderdate", "o_totalprice", "o_orderkey"))
                .withFilter(new Comparison("o_orderdate", Operator.GREATER_THAN_OR_EQUAL, MARCH));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = ScanRows.drain(connector().scan(orders(), spec, allocator));
            Set<Long> keys = new HashSet<>();
            for (List<Object> row : rows) {
                long key = (Long) row.get(2);
                keys.add(key);
                assertEquals((int) SampleOrders.orderdate(key).toEpochDay(), row.get(0));
                assertEquals(SampleOrders.totalprice(key), row.get(1));
            }
            Set<Long> expected = new HashSet<>();
            for (long key = 1; key <= ORDER_COUNT; key++) {
                if (!SampleOrders.orderdate(key).isBefore(MARCH)) {
                    expected.add(key);
                }
            }
            assertEquals(expected, keys);
            assertEquals(expected.size(), rows.size());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void stopsAtTheLimitAcrossFiles() {
        ScanSpec spec = ScanSpec.allOf(List.of("o_orderkey", "o_comment")).withLimit(300);
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = ScanRows.drain(connector().scan(orders(), spec, allocator));
            assertEquals(300, rows.size());
            assertEquals(300, rows.stream().map(r -> r.get(0)).distinct().count());
            for (List<Object> row : rows) {
                long key = (Long) row.get(0);
                assertEquals(key % 5 == 0 ? null : "order " + key, row.get(1));
            }
        }
    }

    @Test
    void prunesPartitionsAndFilesByPredicate() {
        TableMetadata orders = orders();
        ScanSpec all = ScanSpec.allOf(List.of("o_orderkey"));
        assertEquals(4, connector().plannedFileCount(orders, all));
        assertEquals(2, connector().plannedFileCount(orders,
                all.withFilter(new Comparison("o_orderdate", Operator.GREATER_THAN_OR_EQUAL, MARCH))));
        ScanPredicate januaryOrLate = new ScanPredicate.Or(List.of(
                new Comparison("o_orderdate", Operator.LESS_THAN, LocalDate.of(2024, 2, 1)),
                new Comparison("o_totalprice", Operator.GREATER_THAN, new BigDecimal("9999.5"))));
        assertEquals(2, connector().plannedFileCount(orders, all.withFilter(januaryOrLate)));
    }
}
