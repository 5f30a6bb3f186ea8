package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.meshgate.spi.TableMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * The described tables of one Iceberg catalog, and the table names of its namespaces, kept between
 * calls (bounded, Caffeine).
 *
 * <p>A table's entry holds its Iceberg table operations and what was described at one metadata
 * location. Checking an entry refreshes the operations: one catalog lookup of the current metadata
 * location, and the metadata file is read and the table described again only when the location
 * changed (a commit, or a drop and re-create). {@link #table} checks on every call, so queries see
 * the current snapshot; {@link #listedTable} reuses an entry checked within the listing freshness,
 * so a listing of many tables asks the catalog nothing when warm. Table names are kept for the
 * listing freshness too. That bounds how long a listing lags behind another engine's change.
 */
final class TableCache {
    private final Duration listingFreshness;
    private final Ticker ticker;
    private final Cache<TableIdentifier, Entry> tables;
    private final Cache<Namespace, List<String>> names;

    /** One table: its operations, and what was last described and when it was last checked. */
    private static final class Entry {
        private final TableOperations operations;
        private final String name;
        private String location;
        private TableMetadata described;
        private long checkedAt;

        private Entry(TableOperations operations, String name) {
            this.operations = operations;
            this.name = name;
        }
    }

    TableCache(MetadataCacheConfig config, Ticker ticker) {
        requireNonNull(config, "config is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.listingFreshness = config.listingFreshness();
        this.tables = Caffeine.newBuilder().maximumSize(config.maxTables()).build();
        this.names = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.listingFreshness()).ticker(ticker).build();
    }

    /**
     * The table as the catalog has it now, described by {@code describe}; empty when {@code load}
     * finds no table, or the table was dropped since it was cached.
     */
    Optional<TableMetadata> table(TableIdentifier id, Supplier<Optional<Table>> load, Function<Table, TableMetadata> describe) {
        return lookup(id, Duration.ZERO, load, describe);
    }

    /** Like {@link #table}, but an entry checked within the listing freshness is not checked again. */
    Optional<TableMetadata> listedTable(TableIdentifier id, Supplier<Optional<Table>> load, Function<Table, TableMetadata> describe) {
        return lookup(id, listingFreshness, load, describe);
    }

    /** The table names of {@code namespace}, listed by {@code list} at most the listing freshness ago. */
    List<String> tableNames(Namespace namespace, Function<Namespace, List<String>> list) {
        return names.get(namespace, list);
    }

    private Optional<TableMetadata> lookup(TableIdentifier id, Duration maxAge, Supplier<Optional<Table>> load,
            Function<Table, TableMetadata> describe) {
        Entry entry = tables.getIfPresent(id);
        if (entry == null) {
            return loadNew(id, load, describe);
        }
        synchronized (entry) {
            long now = ticker.read();
            if (!maxAge.isZero() && now - entry.checkedAt <= maxAge.toNanos()) {
                return Optional.of(entry.described);
            }
            try {
                entry.operations.refresh();
            } catch (NoSuchTableException e) {
                tables.asMap().remove(id, entry);
                return Optional.empty();
            } catch (IllegalStateException e) {
                // Iceberg will not refresh operations onto another table ("Table UUID does not match"): the
                // table was dropped and re-created since the last check, so it is a new table.
                tables.asMap().remove(id, entry);
                return loadNew(id, load, describe);
            }
            String location = entry.operations.current().metadataFileLocation();
            if (!location.equals(entry.location)) {
                entry.described = describe.apply(new BaseTable(entry.operations, entry.name));
                entry.location = location;
            }
            entry.checkedAt = now;
            return Optional.of(entry.described);
        }
    }

    private Optional<TableMetadata> loadNew(TableIdentifier id, Supplier<Optional<Table>> load, Function<Table, TableMetadata> describe) {
        long now = ticker.read();
        Optional<Table> table = load.get();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        TableMetadata described = describe.apply(table.get());
        if (table.get() instanceof HasTableOperations withOperations) {
            Entry entry = new Entry(withOperations.operations(), table.get().name());
            entry.location = withOperations.operations().current().metadataFileLocation();
            entry.described = described;
            entry.checkedAt = now;
            tables.put(id, entry);
        }
        return Optional.of(described);
    }
}
