package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A connector that describes one table always as it was described once, so that every query of a
 * contract check reads that same snapshot however often the table is committed to meanwhile.
 * Everything else is the delegate's. It does not own the delegate: closing it closes nothing.
 */
final class PinnedConnector implements Connector {
    private final Connector delegate;
    private final TableMetadata pinned;

    PinnedConnector(Connector delegate, TableMetadata pinned) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.pinned = requireNonNull(pinned, "pinned is null");
    }

    @Override
    public List<String> schemaNames() {
        return delegate.schemaNames();
    }

    @Override
    public List<String> tableNames(String schema) {
        return delegate.tableNames(schema);
    }

    @Override
    public Optional<TableMetadata> table(SchemaTableName name) {
        return name.equals(pinned.name()) ? Optional.of(pinned) : delegate.table(name);
    }

    @Override
    public Optional<TableMetadata> listedTable(SchemaTableName name) {
        return table(name);
    }

    @Override
    public Optional<TableMetadata> metadataTable(SchemaTableName table, String kind) {
        return delegate.metadataTable(table, kind);
    }

    @Override
    public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator allocator) {
        return delegate.scan(table, spec, allocator);
    }

    @Override
    public void close() {
    }
}
