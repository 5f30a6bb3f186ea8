package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.GenericBlobMetadata;
import org.apache.iceberg.GenericStatisticsFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.puffin.Blob;
import org.apache.iceberg.puffin.Puffin;
import org.apache.iceberg.puffin.PuffinWriter;
import org.apache.iceberg.puffin.StandardBlobTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table written by another engine: a v2 table with absolute {@code file://} paths outside the
 * catalog's warehouse and a Puffin statistics file, registered into the catalog by its metadata file.
 */
class ForeignTableTest {
    @TempDir
    Path directory;

    @Test
    void registeredTableWithPuffinStatisticsIsReadFromItsOwnLocation() throws Exception {
        TableIdentifier id = TableIdentifier.of(Namespace.of("sales"), "orders");
        String metadataLocation;
        String foreignLocation;
        try (JdbcCatalog other = IcebergCatalogs.openJdbc(IcebergConnectorSqliteTest.sqlite(directory, "other_engine"))) {
            Table table = SampleOrders.create(other, id, 200);
            long snapshotId = table.currentSnapshot().snapshotId();
            String statisticsPath = table.location() + "/metadata/" + snapshotId + "-stats.puffin";
            PuffinWriter writer = Puffin.write(table.io().newOutputFile(statisticsPath)).createdBy("another engine").build();
            try (writer) {
                writer.add(new Blob(StandardBlobTypes.APACHE_DATASKETCHES_THETA_V1, List.of(1), snapshotId,
                        table.currentSnapshot().sequenceNumber(), ByteBuffer.wrap(new byte[] {1, 2, 3}), null,
                        Map.of("ndv", "200")));
            }
            table.updateStatistics().setStatistics(new GenericStatisticsFile(snapshotId, statisticsPath, writer.fileSize(),
                    writer.footerSize(), GenericBlobMetadata.from(writer.writtenBlobsMetadata()))).commit();
            org.apache.iceberg.TableMetadata current = ((HasTableOperations) other.loadTable(id)).operations().current();
            assertEquals(2, current.formatVersion());
            metadataLocation = current.metadataFileLocation();
            foreignLocation = table.location();
        }
        assertTrue(metadataLocation.startsWith("file:"), metadataLocation);

        try (IcebergConnector connector = IcebergConnector.open(IcebergConnectorSqliteTest.sqlite(directory, "mesh"))) {
            IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "placeholder"),
                    SampleOrders.SCHEMA, SampleOrders.SPEC, Map.of());
            connector.catalog().registerTable(id, metadataLocation);
            Table registered = connector.catalog().loadTable(id);
            assertEquals(foreignLocation, registered.location());
            assertFalse(registered.location().contains("mesh-warehouse"));
            assertEquals(1, registered.statisticsFiles().size());

            TableMetadata metadata = connector.table(new SchemaTableName("sales", "orders")).orElseThrow();
            assertEquals(List.of("month(o_orderdate)"), metadata.partitioning());
            try (RootAllocator allocator = new RootAllocator()) {
                List<List<Object>> rows = ScanRows.drain(connector.scan(metadata,
                        ScanSpec.allOf(List.of("o_orderkey", "o_orderstatus")), allocator));
                assertEquals(200, rows.size());
                for (List<Object> row : rows) {
                    assertEquals(SampleOrders.status((Long) row.get(0)), row.get(1));
                }
                assertEquals(0, allocator.getAllocatedMemory());
            }
        }
    }
}
