package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.TableMetadata;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * One table scan of a compiled plan: the domain, the mesh schema and table (or metadata table
 * {@code table$kind}), and the {@link ScanSpec}; for a table read through resource links, the UUID
 * the links are bound to and the link's name. It is public only because the code Calcite
 * generates for the plan calls {@link #rows(DataContext)}; nothing else should use it.
 */
public final class ScanSource {
    private final Domain domain;
    private final String schema;
    private final String table;
    private final ScanSpec spec;
    private final String shownName;
    private final Optional<String> boundUuid;

    public ScanSource(Domain domain, String schema, String table, ScanSpec spec) {
        this(domain, schema, table, spec, domain.name() + "." + schema + "." + table, Optional.empty());
    }

    /**
     * @param shownName the name the query used, for errors
     * @param boundUuid the only table this scan may read: when the table under that name has
     *                  another UUID (dropped and re-created since planning), it fails as a missing table
     */
    public ScanSource(Domain domain, String schema, String table, ScanSpec spec, String shownName, Optional<String> boundUuid) {
        this.domain = requireNonNull(domain, "domain is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.table = requireNonNull(table, "table is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.shownName = requireNonNull(shownName, "shownName is null");
        this.boundUuid = requireNonNull(boundUuid, "boundUuid is null");
    }

    /**
     * How {@link #rows(DataContext)} gives each row: the value itself when the scan reads one
     * column (a struct value is an {@code Object[]} too, so a one-column row must not be one),
     * otherwise the {@code Object[]} of the values. Calcite's operators expect exactly this.
     */
    public JavaRowFormat rowFormat() {
        return spec.columns().size() == 1 ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY;
    }

    /**
     * The rows of the scan in Calcite's internal representation and {@link #rowFormat()}. Each
     * enumerator opens its own connector scan, at the table's snapshot when it opens, and pulls
     * batches only as rows are asked for.
     */
    public Enumerable<Object> rows(DataContext root) {
        ExecutionContext context = (ExecutionContext) requireNonNull(root.get(ExecutionContext.KEY), "execution context is missing");
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                TableMetadata metadata = describe().filter(t -> boundUuid.map(t.uuid()::equals).orElse(true))
                        .orElseThrow(() -> new MeshgateException(ErrorCode.TABLE_NOT_FOUND, "Table '" + shownName + "' does not exist"));
                return new ScanEnumerator(context.register(domain.connector().scan(metadata, spec, context.allocator())), context,
                        spec.columns().size(), rowFormat() == JavaRowFormat.SCALAR);
            }
        };
    }

    private Optional<TableMetadata> describe() {
        Optional<MetadataTableName> metadataTable = MetadataTableName.parse(table);
        return metadataTable.isPresent() ? domain.metadataTable(schema, metadataTable.get()) : domain.table(schema, table);
    }
}
