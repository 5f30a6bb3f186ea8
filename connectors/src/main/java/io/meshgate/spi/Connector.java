package io.meshgate.spi;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where one domain's data lives. A connector lists its namespaces and tables, describes a table at
 * its current snapshot, and scans it into Arrow batches. It knows nothing of policies: it returns
 * what the {@link ScanSpec} asks for. Failures of the source are thrown as
 * {@link io.meshgate.error.MeshgateException} with code {@code EXTERNAL_ERROR}.
 */
public interface Connector extends AutoCloseable {
    /** The connector's namespaces, levels joined with a dot. */
    List<String> schemaNames();

    /** The tables of one namespace, sorted; empty for an unknown namespace. May lag behind the source as {@link #listedTable} may. */
    List<String> tableNames(String schema);

    /** The table at its current snapshot, or empty when there is no such table. */
    Optional<TableMetadata> table(SchemaTableName name);

    /**
     * The table as a listing shows it: like {@link #table}, but the connector may answer from
     * metadata it checked against its source a short, documented time ago instead of asking the
     * source again, so that listing thousands of tables stays fast. Never use it to plan a query.
     * The default asks the source, as {@link #table} does.
     */
    default Optional<TableMetadata> listedTable(SchemaTableName name) {
        return table(name);
    }

    /**
     * A metadata table of {@code table} ({@code files}, {@code snapshots}, ... as the connector
     * offers them) at the table's current snapshot, named {@code table$kind} (a
     * {@link MetadataTableName}) and read through {@link #scan}; empty when the table does not
     * exist or has no metadata of that kind. The default offers none.
     */
    default Optional<TableMetadata> metadataTable(SchemaTableName table, String kind) {
        return Optional.empty();
    }

    /** Reads the table at the snapshot of {@code table}, allocating from {@code allocator}. */
    BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator allocator);

    @Override
    void close();
}
