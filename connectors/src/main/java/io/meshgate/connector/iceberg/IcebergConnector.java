package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Ticker;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ErrorTranslatingStream;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.iceberg.BaseMetadataTable;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * A {@link io.meshgate.spi.Connector} over one Iceberg catalog: any catalog that lists namespaces
 * ({@link SupportsNamespaces}), as the JDBC, REST and Glue catalogs of {@link IcebergCatalogs} do.
 * Namespaces are shown with their levels joined by a dot; a table is described at its current
 * snapshot and scanned at exactly that snapshot, with Iceberg pruning partitions and files by the
 * scan's predicate.
 *
 * <p>Column types follow {@link IcebergSchemas}: UUID columns are {@code Utf8} text; struct, list
 * and map columns (nested in each other at any depth) are Arrow structs, lists and maps.
 *
 * <p>Metadata tables ({@code orders$files}, ...) are those of {@link IcebergMetadataTables}. Tables
 * whose own name holds a {@code $} are not shown: such names are reserved for metadata tables.
 */
public final class IcebergConnector implements Connector {
    private final Catalog catalog;
    private final SupportsNamespaces namespaces;
    private final TableCache cache;

    /** A connector over {@code catalog}, which it closes when it is closed, with the default metadata cache. */
    public IcebergConnector(Catalog catalog) {
        this(catalog, MetadataCacheConfig.DEFAULT);
    }

    /** A connector over {@code catalog}, which it closes when it is closed, keeping metadata as {@code cacheConfig} says. */
    public IcebergConnector(Catalog catalog, MetadataCacheConfig cacheConfig) {
        this(catalog, cacheConfig, Ticker.systemTicker());
    }

    IcebergConnector(Catalog catalog, MetadataCacheConfig cacheConfig, Ticker ticker) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.cache = new TableCache(cacheConfig, ticker);
        if (!(catalog instanceof SupportsNamespaces supportsNamespaces)) {
            throw new IllegalArgumentException("Cannot use Iceberg catalog '" + catalog.name()
                    + "': it cannot list namespaces (use a catalog that implements SupportsNamespaces)");
        }
        this.namespaces = supportsNamespaces;
    }

    /** Opens the catalog of {@code spec} (JDBC, REST or Glue); an unreachable catalog fails with {@code EXTERNAL_ERROR}. */
    public static IcebergConnector open(IcebergCatalogSpec spec) {
        return new IcebergConnector(IcebergCatalogs.open(spec));
    }

    /** Opens the catalog of {@code spec} with a metadata cache as {@code cacheConfig} says. */
    public static IcebergConnector open(IcebergCatalogSpec spec, MetadataCacheConfig cacheConfig) {
        return new IcebergConnector(IcebergCatalogs.open(spec), cacheConfig);
    }

    /** The catalog this connector reads. */
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public List<String> schemaNames() {
        return external("list namespaces", () -> {
            List<String> names = new ArrayList<>();
            collectNamespaces(Namespace.empty(), names);
            names.sort(null);
            return names;
        });
    }

    private void collectNamespaces(Namespace parent, List<String> names) {
        for (Namespace namespace : namespaces.listNamespaces(parent)) {
            names.add(String.join(".", namespace.levels()));
            collectNamespaces(namespace, names);
        }
    }

    /** The tables of one namespace, sorted, as the catalog listed them at most the listing freshness ago. */
    @Override
    public List<String> tableNames(String schema) {
        requireNonNull(schema, "schema is null");
        return external("list tables of " + schema, () -> cache.tableNames(namespace(schema), namespace -> {
            try {
                return catalog.listTables(namespace).stream().map(TableIdentifier::name)
                        .filter(name -> !MetadataTableName.isReserved(name)).sorted().toList();
            } catch (NoSuchNamespaceException e) {
                return List.of();
            }
        }));
    }

    /** The table at the snapshot the catalog names now: one lookup of its metadata location, its metadata read only when that moved. */
    @Override
    public Optional<TableMetadata> table(SchemaTableName name) {
        requireNonNull(name, "name is null");
        return cached(name, false);
    }

    /** The table as it was at most the listing freshness ago ({@link MetadataCacheConfig#listingFreshness()}). */
    @Override
    public Optional<TableMetadata> listedTable(SchemaTableName name) {
        requireNonNull(name, "name is null");
        return cached(name, true);
    }

    private Optional<TableMetadata> cached(SchemaTableName name, boolean listing) {
        if (MetadataTableName.isReserved(name.table())) {
            return Optional.empty();
        }
        TableIdentifier id = TableIdentifier.of(namespace(name.schema()), name.table());
        return external("load table " + name, () -> listing
                ? cache.listedTable(id, () -> loadTable(name), table -> describe(name, table))
                : cache.table(id, () -> loadTable(name), table -> describe(name, table)));
    }

    @Override
    public Optional<TableMetadata> metadataTable(SchemaTableName table, String kind) {
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        return loadTable(table).flatMap(iceberg -> external("describe metadata table " + kind + " of " + table,
                () -> IcebergMetadataTables.describe(table, iceberg, kind)));
    }

    private static TableMetadata describe(SchemaTableName name, Table table) {
        Snapshot snapshot = table.currentSnapshot();
        OptionalLong snapshotId = snapshot == null ? OptionalLong.empty() : OptionalLong.of(snapshot.snapshotId());
        OptionalLong committed = snapshot == null ? OptionalLong.empty() : OptionalLong.of(snapshot.timestampMillis());
        Schema schema = snapshot == null ? table.schema() : SnapshotUtil.schemaFor(table, snapshot.snapshotId());
        return new TableMetadata(name, table.uuid().toString(), snapshotId, committed, rowCount(snapshot), IcebergSchemas.toArrow(schema),
                IcebergSchemas.partitioning(table.spec(), schema), table.properties());
    }

    /** The snapshot summary's record count: live rows before deletes, good enough for planning. */
    private static OptionalLong rowCount(Snapshot snapshot) {
        if (snapshot == null) {
            return OptionalLong.of(0);
        }
        String total = snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP);
        try {
            return total == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(total));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator allocator) {
        requireNonNull(table, "table is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(allocator, "allocator is null");
        Optional<MetadataTableName> metadataOf = MetadataTableName.parse(table.name().table());
        Table iceberg = current(table, metadataOf.map(m -> new SchemaTableName(table.name().schema(), m.table())).orElse(table.name()));
        try {
            BatchStream stream = metadataOf.isPresent()
                    ? IcebergMetadataTables.open(iceberg, metadataOf.get().kind(), table, spec, allocator)
                    : IcebergScans.open(iceberg, table, spec, allocator);
            return ErrorTranslatingStream.wrap(stream, e -> ExternalErrors.external("Cannot read Iceberg table " + table.name(), e));
        } catch (RuntimeException e) {
            throw ExternalErrors.external("Cannot scan Iceberg table " + table.name(), e);
        }
    }

    /** How many data files a scan of {@code spec} would read, after partition and file pruning. */
    int plannedFileCount(TableMetadata table, ScanSpec spec) {
        return IcebergScans.plannedFileCount(current(table, table.name()), table, spec);
    }

    /** Whether a scan of {@code spec} uses Iceberg's vectorized Arrow reader rather than its generic records. */
    boolean readsVectorized(TableMetadata table, ScanSpec spec) {
        return IcebergScans.readsVectorized(current(table, table.name()), table, spec);
    }

    /** The Iceberg table {@code source} that {@code table} was described from (itself, or the table of a metadata table). */
    private Table current(TableMetadata table, SchemaTableName source) {
        Table iceberg = loadTable(source).orElseThrow(() -> new MeshgateException(ErrorCode.TABLE_NOT_FOUND,
                "Cannot scan " + table.name() + ": the table no longer exists in Iceberg catalog '" + catalog.name() + "'"));
        if (!iceberg.uuid().toString().equals(table.uuid())) {
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot scan " + table.name()
                    + ": the table was replaced since it was described (describe it again)");
        }
        return iceberg;
    }

    /**
     * The table, never a metadata table: Iceberg's catalogs load {@code a.b.files} as the files of
     * table {@code a.b} when no table {@code files} exists in namespace {@code a.b}.
     */
    private Optional<Table> loadTable(SchemaTableName name) {
        if (MetadataTableName.isReserved(name.table())) {
            return Optional.empty();
        }
        return external("load table " + name, () -> {
            try {
                Table table = catalog.loadTable(TableIdentifier.of(namespace(name.schema()), name.table()));
                return table instanceof BaseMetadataTable ? Optional.empty() : Optional.of(table);
            } catch (NoSuchTableException | NoSuchNamespaceException e) {
                return Optional.empty();
            }
        });
    }

    private static Namespace namespace(String schema) {
        return Namespace.of(schema.split("\\."));
    }

    private <T> T external(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw ExternalErrors.external("Cannot " + action + " in Iceberg catalog '" + catalog.name() + "'", e);
        }
    }

    @Override
    public void close() {
        if (catalog instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new MeshgateException(ErrorCode.EXTERNAL_ERROR,
                        "Cannot close Iceberg catalog '" + catalog.name() + "': " + ExternalErrors.rootMessage(e), e);
            }
        }
    }
}
