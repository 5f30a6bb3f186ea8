package io.meshgate.benchmarks.catalog;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.MetadataCacheConfig;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.load.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Metadata listing over many tables: what GetTables (and so JDBC {@code getTables}) does, a walk of
 * every domain, schema and table through {@link CatalogView} for a restricted principal. The mesh
 * is one domain on a SQLite Iceberg JDBC catalog with two namespaces of {@code tables / 2} tables
 * each: {@code open} (internal) and {@code secret} (confidential). {@code ana} may see internal
 * tables only, under a row restriction, so half the tables are listed and every one is decided.
 *
 * <p>{@code cache=warm}: the connector's metadata cache within its listing freshness (what a
 * listing costs when another listing ran less than the freshness ago). {@code cache=revalidate}:
 * freshness zero, so every table's metadata location is looked up in the catalog again (what a
 * listing costs once the freshness has passed; metadata files are re-read only for tables that
 * changed, here none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ListingBenchmark {
    private static final String POLICIES = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential, restricted], ordered: true}
            assignments:
              - {on: {domain: bench}, tags: {sensitivity: internal}}
              - {on: {schema: bench.secret}, tags: {sensitivity: confidential}}
            principals:
              users:
                - {name: ana, groups: [analysts]}
            grants:
              - id: analysts-internal
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {match: {key: sensitivity, at_most: internal}}
                columns: {match: SAME}
            restrictions:
              - id: positive-ids
                kind: ROW_FILTER
                to: {all: true}
                on: {all: true}
                rows: "id > 0"
            """;

    @Param({"10000", "30000"})
    public int tables;

    @Param({"warm", "revalidate"})
    public String cache;

    private Path dataDir;
    private MeshCatalog mesh;
    private CatalogView view;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("meshgate-listing-bench");
        JdbcCatalogSpec spec = new JdbcCatalogSpec("jdbc:sqlite:" + dataDir.resolve("catalog.db"), Optional.empty(), Optional.empty(),
                "bench", dataDir.resolve("warehouse").toUri().toString(), S3Options.defaults());
        // Registering tens of thousands of tables is faster without SQLite syncing each commit to disk.
        createTables(new JdbcCatalogSpec(spec.uri() + "?synchronous=OFF", spec.user(), spec.password(),
                spec.catalogName(), spec.warehouse(), spec.s3()), tables);
        Duration freshness = cache.equals("warm") ? Duration.ofHours(1) : Duration.ZERO;
        mesh = new MeshCatalog(List.of(new Domain("bench", IcebergConnector.open(spec, new MetadataCacheConfig(100_000, freshness)), List.of())));
        Path policies = Files.createDirectories(dataDir.resolve("policies"));
        Files.writeString(policies.resolve("policies.yaml"), POLICIES);
        Governance governance = new Governance(new PolicyEvaluator(PolicyLoader.load(policies, new PolicySqlChecker())),
                HashKey.of("benchmark-hash-key-0123456789"));
        view = new CatalogView(mesh, governance, new Principal("ana", Set.of("analysts")));
        int listed = listTables().size();
        if (listed != tables / 2) {
            throw new IllegalStateException("Cannot run the listing benchmark: ana sees " + listed + " tables, expected " + tables / 2);
        }
    }

    /**
     * Half the tables in namespace {@code open}, half in {@code secret}, each with a three-column
     * schema. Creating tens of thousands of Iceberg tables takes minutes, so each namespace's first
     * table is created and the others are registered on its metadata file: distinct tables to the
     * catalog, the cache and the policies (which decide by name here), sharing a UUID.
     */
    private static void createTables(JdbcCatalogSpec spec, int count) {
        Schema schema = new Schema(List.of(
                Types.NestedField.required(1, "id", Types.LongType.get()),
                Types.NestedField.optional(2, "region", Types.StringType.get()),
                Types.NestedField.optional(3, "amount", Types.DecimalType.of(12, 2))), Set.of(1));
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(spec)) {
            for (String namespace : List.of("open", "secret")) {
                catalog.createNamespace(Namespace.of(namespace));
                Table first = catalog.createTable(TableIdentifier.of(namespace, name(0)), schema, PartitionSpec.unpartitioned());
                String location = ((HasTableOperations) first).operations().current().metadataFileLocation();
                for (int i = 1; i < count / 2; i++) {
                    catalog.registerTable(TableIdentifier.of(namespace, name(i)), location);
                }
            }
        }
    }

    private static String name(int index) {
        return String.format("t%05d", index);
    }

    @Benchmark
    public List<VisibleTable> listTables() {
        return view.tables(Optional.empty(), schema -> true, table -> true);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        mesh.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
