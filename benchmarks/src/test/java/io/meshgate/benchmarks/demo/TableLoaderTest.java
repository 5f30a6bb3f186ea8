package io.meshgate.benchmarks.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableLoaderTest {
    private static final double SCALE = 0.001;

    @TempDir
    Path dir;

    @BeforeEach
    void createDomainDirectory() throws IOException {
        Files.createDirectories(DemoDomain.COMMERCE.warehouseDirectory(dir));
    }

    @Test
    void partitionedTableIsWrittenInBoundedPassesWithEachPartitionInOnePass() {
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(DemoDomain.COMMERCE.catalogSpec(dir))) {
            Table table = create(catalog, DemoTables.orders());
            long rows = new TableLoader(10, 5).load(table, DemoTables.orders().records(SCALE, table.schema()));

            assertEquals(1500, rows);
            List<DataFile> files = dataFiles(table);
            assertEquals(1500, files.stream().mapToLong(DataFile::recordCount).sum());
            Map<Integer, List<DataFile>> byMonth = files.stream()
                    .collect(Collectors.groupingBy(f -> f.partition().get(0, Integer.class), TreeMap::new, Collectors.toList()));
            assertTrue(byMonth.size() > 5, "more months than one pass may hold open: " + byMonth.size());
            byMonth.forEach((month, monthFiles) -> {
                long monthRows = monthFiles.stream().mapToLong(DataFile::recordCount).sum();
                assertEquals((monthRows + 9) / 10, monthFiles.size(), "month " + month + " is written in full files in one pass");
                monthFiles.forEach(f -> assertTrue(f.recordCount() <= 10, f.location()));
            });
            assertEquals(1, table.snapshots().spliterator().getExactSizeIfKnown(), "one append");
        }
    }

    @Test
    void unpartitionedTableRollsToANewFileEveryRowsPerFile() {
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(DemoDomain.COMMERCE.catalogSpec(dir))) {
            Table table = create(catalog, DemoTables.lineitem());
            long rows = new TableLoader(1000, 5).load(table, DemoTables.lineitem().records(SCALE, table.schema()));

            assertEquals(6005, rows);
            List<Long> counts = new ArrayList<>(dataFiles(table).stream().map(DataFile::recordCount).sorted().toList());
            assertEquals(List.of(5L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L), counts);
        }
    }

    private static Table create(JdbcCatalog catalog, DemoTable<?> definition) {
        catalog.createNamespace(Namespace.of("commerce"));
        Schema schema = definition.schema();
        return catalog.buildTable(TableIdentifier.of("commerce", definition.name()), schema)
                .withPartitionSpec(definition.partitionSpec(schema))
                .create();
    }

    private static List<DataFile> dataFiles(Table table) {
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            tasks.forEach(task -> files.add(task.file().copy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
