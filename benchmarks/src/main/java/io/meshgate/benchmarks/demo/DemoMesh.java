package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.engine.product.ProductProperties;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The demo mesh: the TPC-H tables at a scale factor, split over three domains (commerce, customer,
 * supply), each with its own Iceberg JDBC catalog on a SQLite file and its own warehouse folder,
 * plus the {@code meshgate.yaml} that serves them.
 *
 * <p>Every table is a data product: its properties name its owner, contact, description,
 * freshness SLA, version and how to get access; {@code products/} overrides them where a
 * product's life changed (one product is deprecated, its sunset a year after generation).
 *
 * <p>Layout under the data directory: {@code <domain>/catalog.db}, {@code <domain>/warehouse/},
 * {@code policies/} (the demo's policy files), {@code products/} (its product files), {@code meshgate.yaml} (with a HASH key made for
 * this directory), and {@code .complete}, written last. The server appends its audit log to
 * {@code audit.jsonl} there; the generator leaves that file alone. Only a mesh whose marker names the
 * requested scale factor, the current layout version and this directory is reused; otherwise what
 * the generator owns there is deleted and generated again (other files are left alone).
 */
public final class DemoMesh {
    /**
     * The layout version; raise it when the generated files change, so old meshes are regenerated.
     * 2: users, policies, audit. 3: product metadata and product files. 4: links and contracts.
     */
    static final int FORMAT_VERSION = 4;
    static final long ROWS_PER_FILE = 1_000_000;
    static final int OPEN_PARTITIONS_PER_PASS = 12;

    private DemoMesh() {
    }

    /**
     * Generates the demo mesh under {@code dataDir} at {@code scaleFactor} unless a complete one for
     * that scale factor is already there, and returns the path of its {@code meshgate.yaml}.
     * Progress lines (one per table, and a summary) go to {@code progress}.
     *
     * @throws IllegalArgumentException if the scale factor is not a positive number
     * @throws MeshgateException        ({@link ErrorCode#EXTERNAL_ERROR}) if the files cannot be written
     */
    public static Path ensure(Path dataDir, double scaleFactor, PrintStream progress) {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(progress, "progress is null");
        Path directory = dataDir.toAbsolutePath().normalize();
        CompletionMarker wanted = new CompletionMarker(scaleFactor, FORMAT_VERSION, directory.toString());
        Path config = directory.resolve(MeshConfigFile.FILE_NAME);
        Optional<CompletionMarker> found = CompletionMarker.read(directory);
        if (found.equals(Optional.of(wanted)) && Files.isRegularFile(config)) {
            progress.printf("Reusing the demo mesh at scale factor %s in %s%n", scaleFactor, directory);
            return config;
        }
        try {
            if (Files.exists(directory)) {
                deleteGenerated(directory);
            }
            Files.createDirectories(directory);
            progress.printf("Generating the demo mesh at scale factor %s in %s%n", scaleFactor, directory);
            long start = System.nanoTime();
            long rows = generate(directory, scaleFactor, progress);
            DemoPolicies.copyTo(directory);
            DemoProducts.write(directory, LocalDate.now(ZoneOffset.UTC).plusYears(1));
            Path written = MeshConfigFile.write(directory);
            wanted.write(directory);
            progress.printf("Demo mesh ready: %d tables, %d rows in %.1f s; configuration %s%n",
                    DemoTables.all().size(), rows, seconds(start), written);
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR,
                    "Cannot generate the demo mesh in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static long generate(Path directory, double scaleFactor, PrintStream progress) throws IOException {
        TableLoader loader = new TableLoader(ROWS_PER_FILE, OPEN_PARTITIONS_PER_PASS);
        long rows = 0;
        for (DemoDomain domain : DemoDomain.values()) {
            Files.createDirectories(domain.warehouseDirectory(directory));
            List<DemoTable<?>> tables = DemoTables.all().stream().filter(t -> t.domain() == domain).toList();
            try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(domain.catalogSpec(directory))) {
                Namespace namespace = Namespace.of(domain.domainName());
                catalog.createNamespace(namespace);
                for (DemoTable<?> table : tables) {
                    long start = System.nanoTime();
                    long written = load(catalog, namespace, table, scaleFactor, loader);
                    rows += written;
                    progress.printf("  %-28s %,12d rows  %6.1f s%n", table.qualifiedName(), written, seconds(start));
                }
            }
        }
        return rows;
    }

    private static long load(JdbcCatalog catalog, Namespace namespace, DemoTable<?> definition, double scaleFactor, TableLoader loader) {
        Schema schema = definition.schema();
        Table table = catalog.buildTable(TableIdentifier.of(namespace, definition.name()), schema)
                .withPartitionSpec(definition.partitionSpec(schema))
                .withProperties(Map.of(
                        TableProperties.PARQUET_COMPRESSION, "zstd",
                        ProductProperties.OWNER, definition.domain().owner(),
                        ProductProperties.CONTACT, definition.domain().contact(),
                        ProductProperties.DESCRIPTION, definition.description(),
                        ProductProperties.FRESHNESS_SLA, definition.freshnessSla(),
                        ProductProperties.VERSION, definition.version(),
                        ProductProperties.STATUS, "active",
                        ProductProperties.ACCESS, definition.domain().access()))
                .create();
        return loader.load(table, definition.records(scaleFactor, table.schema()));
    }

    /** Deletes what a generator left in {@code directory}, marker first, and nothing else. */
    private static void deleteGenerated(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(CompletionMarker.FILE_NAME));
        Files.deleteIfExists(directory.resolve(MeshConfigFile.FILE_NAME));
        deleteRecursively(directory.resolve(DemoPolicies.DIRECTORY_NAME));
        deleteRecursively(directory.resolve(DemoProducts.DIRECTORY_NAME));
        for (DemoDomain domain : DemoDomain.values()) {
            deleteRecursively(domain.directory(directory));
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
