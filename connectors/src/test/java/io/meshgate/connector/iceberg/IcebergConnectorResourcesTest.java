package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans release every buffer however they end; missing tables and catalogs fail with clear errors. */
class IcebergConnectorResourcesTest {
    @TempDir
    static Path directory;
    static IcebergConnector connector;
    static final SchemaTableName ORDERS = new SchemaTableName("sales", "orders");

    @BeforeAll
    static void createTable() {
        connector = IcebergConnector.open(IcebergConnectorSqliteTest.sqlite(directory, "resources"));
        SampleOrders.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "orders"), 1000);
    }

    @AfterAll
    static void closeCatalog() {
        connector.close();
    }

    @Test
    void fullScanReleasesEveryBuffer() {
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = ScanRows.drain(connector.scan(connector.table(ORDERS).orElseThrow(),
                    ScanSpec.allOf(List.of("o_orderkey", "o_comment", "o_totalprice", "o_orderdate")), allocator));
            assertEquals(1000, rows.size());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void earlyCloseMidStreamReleasesEveryBuffer() {
        for (List<String> columns : List.of(List.of("o_comment", "o_totalprice"), List.<String>of())) {
            try (RootAllocator allocator = new RootAllocator()) {
                BatchStream stream = connector.scan(connector.table(ORDERS).orElseThrow(), ScanSpec.allOf(columns), allocator);
                assertTrue(stream.next());
                assertTrue(stream.current().getRowCount() > 0);
                assertTrue(allocator.getAllocatedMemory() > 0 || columns.isEmpty());
                stream.close();
                assertEquals(0, allocator.getAllocatedMemory());
            }
        }
    }

    @Test
    void rowCountOnlyScanCountsEveryRow() {
        try (RootAllocator allocator = new RootAllocator(); BatchStream stream =
                connector.scan(connector.table(ORDERS).orElseThrow(), ScanSpec.allOf(List.of()), allocator)) {
            long rows = 0;
            while (stream.next()) {
                rows += stream.current().getRowCount();
            }
            assertEquals(1000, rows);
        }
    }

    @Test
    void deleteFilesAreAppliedByTheGenericReader() {
        TableIdentifier id = TableIdentifier.of(Namespace.of("sales"), "with_deletes");
        org.apache.iceberg.Table table = IcebergTestTables.create(connector.catalog(), id, SampleOrders.SCHEMA,
                SampleOrders.SPEC, java.util.Map.of("format-version", "2"));
        org.apache.iceberg.DataFile file = IcebergTestTables.append(table, SampleOrders.records(1, 10)).get(0);
        IcebergTestTables.deletePositions(table, file, 0, 4);
        TableMetadata metadata = connector.table(new SchemaTableName("sales", "with_deletes")).orElseThrow();
        ScanSpec spec = ScanSpec.allOf(List.of("o_orderkey"));
        assertTrue(!connector.readsVectorized(metadata, spec));
        try (RootAllocator allocator = new RootAllocator()) {
            List<Object> keys = ScanRows.drain(connector.scan(metadata, spec, allocator)).stream().map(r -> r.get(0)).toList();
            assertEquals(List.of(2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L), keys);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void unknownTableIsEmptyAndDroppedTableFailsTheScan() {
        assertTrue(connector.table(new SchemaTableName("sales", "nope")).isEmpty());
        assertTrue(connector.table(new SchemaTableName("no.such", "orders")).isEmpty());
        TableIdentifier id = TableIdentifier.of(Namespace.of("sales"), "dropped");
        SampleOrders.create(connector.catalog(), id, 10);
        TableMetadata metadata = connector.table(new SchemaTableName("sales", "dropped")).orElseThrow();
        connector.catalog().dropTable(id);
        try (RootAllocator allocator = new RootAllocator()) {
            MeshgateException e = assertThrows(MeshgateException.class,
                    () -> connector.scan(metadata, ScanSpec.allOf(List.of("o_orderkey")), allocator));
            assertEquals(ErrorCode.TABLE_NOT_FOUND, e.code());
        }
    }

    @Test
    void unreachableCatalogIsAnExternalErrorNamingIt() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JdbcCatalogSpec spec = new JdbcCatalogSpec("jdbc:postgresql://127.0.0.1:" + port + "/catalog?connectTimeout=2",
                Optional.of("meshgate"), Optional.of("secret"), "unreachable_domain", "file:///tmp/unused", S3Options.defaults());
        MeshgateException e = assertThrows(MeshgateException.class, () -> IcebergConnector.open(spec));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("unreachable_domain"), e.getMessage());
    }
}
