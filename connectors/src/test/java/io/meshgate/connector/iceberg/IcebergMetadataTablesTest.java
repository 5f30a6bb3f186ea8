package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's metadata tables ({@code orders$snapshots}, {@code $history}, {@code $files},
 * {@code $partitions}) against what Iceberg itself says of the table: two appends of
 * {@link SampleOrders}, partitioned by month.
 */
class IcebergMetadataTablesTest {
    private static final TableIdentifier ORDERS = TableIdentifier.of(Namespace.of("sales"), "orders");
    private static final SchemaTableName ORDERS_NAME = new SchemaTableName("sales", "orders");

    @TempDir
    Path directory;
    private IcebergConnector connector;
    private RootAllocator allocator;
    private Table orders;

    @BeforeEach
    void createOrders() {
        connector = IcebergConnector.open(IcebergConnectorSqliteTest.sqlite(directory, "commerce"));
        allocator = new RootAllocator();
        orders = SampleOrders.create(connector.catalog(), ORDERS, 100);
        IcebergTestTables.append(orders, SampleOrders.records(101, 130));
        orders.refresh();
    }

    @AfterEach
    void close() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
        connector.close();
    }

    private TableMetadata metadataTable(String kind) {
        return connector.metadataTable(ORDERS_NAME, kind).orElseThrow();
    }

    private List<List<Object>> scan(TableMetadata table, String... columns) {
        return ScanRows.drain(connector.scan(table, ScanSpec.allOf(List.of(columns)), allocator));
    }

    @Test
    void snapshotsAreTheTablesSnapshotsWithTheirSummaryAsText() {
        TableMetadata snapshots = metadataTable("snapshots");
        assertEquals(new SchemaTableName("sales", "orders$snapshots"), snapshots.name());
        assertEquals(List.of("committed_at", "snapshot_id", "parent_id", "operation", "manifest_list", "summary"), names(snapshots));
        assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), snapshots.schema().getFields().get(0).getType());
        assertEquals(ArrowType.Utf8.INSTANCE, snapshots.schema().getFields().get(5).getType());

        List<List<Object>> expected = new ArrayList<>();
        for (Snapshot snapshot : orders.snapshots()) {
            expected.add(java.util.Arrays.asList(snapshot.timestampMillis() * 1000, snapshot.snapshotId(), snapshot.parentId(),
                    snapshot.operation(), snapshot.manifestListLocation()));
        }
        List<List<Object>> rows = scan(snapshots, "committed_at", "snapshot_id", "parent_id", "operation", "manifest_list", "summary");
        assertEquals(2, rows.size());
        assertEquals(expected, rows.stream().map(r -> r.subList(0, 5)).toList());
        String summary = (String) rows.get(1).get(5);
        assertTrue(summary.startsWith("{") && summary.contains("added-records=30") && summary.contains("total-records=130"), summary);
    }

    @Test
    void historyMarksTheCurrentSnapshotsAncestors() {
        List<List<Object>> rows = scan(metadataTable("history"), "snapshot_id", "parent_id", "is_current_ancestor");
        Snapshot current = orders.currentSnapshot();
        assertEquals(List.of(List.of(current.parentId(), true), List.of(current.snapshotId(), current.parentId(), true)),
                rows.stream().map(r -> r.stream().filter(v -> v != null).toList()).toList());
    }

    @Test
    void filesAreTheDataFilesOfTheCurrentSnapshotWithTheirPartitionAsText() throws IOException {
        TableMetadata files = metadataTable("files");
        assertEquals(List.of("content", "file_path", "file_format", "partition", "record_count", "file_size_in_bytes"), names(files));
        Map<String, List<Object>> expected = new HashMap<>();
        try (CloseableIterable<FileScanTask> tasks = orders.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                expected.put(file.location(), List.of(0, "PARQUET", file.recordCount(), file.fileSizeInBytes()));
            }
        }
        List<List<Object>> rows = scan(files, "file_path", "content", "file_format", "record_count", "file_size_in_bytes", "partition");
        Map<String, List<Object>> actual = new HashMap<>();
        Set<String> partitions = new TreeSet<>();
        for (List<Object> row : rows) {
            actual.put((String) row.get(0), row.subList(1, 5));
            partitions.add((String) row.get(5));
        }
        assertEquals(6, rows.size(), "four months in the first append, two in the second");
        assertEquals(expected, actual);
        assertEquals(Set.of("o_orderdate_month=2024-01", "o_orderdate_month=2024-02", "o_orderdate_month=2024-03", "o_orderdate_month=2024-04"),
                partitions);
    }

    @Test
    void partitionsCountRecordsAndFilesPerPartition() {
        List<List<Object>> rows = new ArrayList<>(scan(metadataTable("partitions"), "partition", "record_count", "file_count"));
        rows.sort(java.util.Comparator.comparing(r -> (String) r.get(0)));
        // Order k is dated 2024-01-01 + (k - 1) % 120 days: the second append (101-130) adds to April and January.
        assertEquals(List.of(
                List.of("o_orderdate_month=2024-01", 41L, 2),
                List.of("o_orderdate_month=2024-02", 29L, 1),
                List.of("o_orderdate_month=2024-03", 31L, 1),
                List.of("o_orderdate_month=2024-04", 29L, 2)), rows);
    }

    @Test
    void filesAreReadAtTheDescribedSnapshot() {
        TableMetadata before = metadataTable("files");
        IcebergTestTables.append(orders, SampleOrders.records(131, 131));
        assertEquals(6, scan(before, "file_path").size());
        assertEquals(7, scan(metadataTable("files"), "file_path").size());
    }

    @Test
    void projectionAndLimitApplyAsToTables() {
        List<List<Object>> rows = ScanRows.drain(connector.scan(metadataTable("files"),
                ScanSpec.allOf(List.of("record_count")).withLimit(3), allocator));
        assertEquals(3, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.size() == 1 && r.get(0) instanceof Long));
    }

    @Test
    void unpartitionedTableHasNoPartitionColumn() {
        IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "flat"), SampleOrders.SCHEMA,
                PartitionSpec.unpartitioned(), Map.of());
        IcebergTestTables.append(connector.catalog().loadTable(TableIdentifier.of(Namespace.of("sales"), "flat")), SampleOrders.records(1, 10));
        SchemaTableName flat = new SchemaTableName("sales", "flat");
        TableMetadata files = connector.metadataTable(flat, "files").orElseThrow();
        assertEquals(List.of("content", "file_path", "file_format", "record_count", "file_size_in_bytes"), names(files));
        TableMetadata partitions = connector.metadataTable(flat, "partitions").orElseThrow();
        assertEquals(List.of(List.of(10L, 1)), scan(partitions, "record_count", "file_count"));
    }

    @Test
    void tableWithoutSnapshotsHasEmptyMetadataTables() {
        IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "returns"), SampleOrders.SCHEMA,
                SampleOrders.SPEC, Map.of());
        for (String kind : List.of("snapshots", "history", "files", "partitions")) {
            TableMetadata table = connector.metadataTable(new SchemaTableName("sales", "returns"), kind).orElseThrow();
            assertEquals(List.of(), scan(table, table.schema().getFields().get(0).getName()), kind);
        }
    }

    @Test
    void unknownKindsAndMissingTablesHaveNoMetadataTables() {
        assertTrue(connector.metadataTable(ORDERS_NAME, "nope").isEmpty());
        assertTrue(connector.metadataTable(ORDERS_NAME, "manifests").isEmpty(), "only the kinds the connector shows");
        assertTrue(connector.metadataTable(new SchemaTableName("sales", "no_such_table"), "files").isEmpty());
        assertTrue(connector.table(new SchemaTableName("sales", "orders$files")).isEmpty(), "a metadata table is not a table");
    }

    @Test
    void tablesWhoseNameHoldsADollarAreNotShown() {
        IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "odd$name"), SampleOrders.SCHEMA,
                SampleOrders.SPEC, Map.of());
        assertEquals(List.of("orders"), connector.tableNames("sales"));
        assertTrue(connector.table(new SchemaTableName("sales", "odd$name")).isEmpty());
    }

    @Test
    void icebergMetadataIdentifiersAreNotLoadedAsTables() {
        // Iceberg's catalogs load sales.orders.files as the files of sales.orders when that namespace has no such table.
        ((SupportsNamespaces) connector.catalog()).createNamespace(Namespace.of("sales", "orders"));
        assertTrue(connector.schemaNames().contains("sales.orders"));
        assertTrue(connector.table(new SchemaTableName("sales.orders", "files")).isEmpty());
        assertTrue(connector.table(new SchemaTableName("sales.orders", "snapshots")).isEmpty());
    }

    private static List<String> names(TableMetadata table) {
        return table.schema().getFields().stream().map(Field::getName).toList();
    }
}
