package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.Connector;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One domain of the mesh: a name (the Flight SQL catalog), the connector that holds its data, and
 * the schemas it exposes. With no bindings, every namespace of the connector is a schema of the
 * same name.
 */
public record Domain(String name, Connector connector, List<SchemaBinding> bindings) {
    public Domain {
        requireNonNull(name, "name is null");
        requireNonNull(connector, "connector is null");
        bindings = List.copyOf(requireNonNull(bindings, "bindings is null"));
    }

    /** The schemas users see, in the order configured (or the connector's order). */
    public List<String> schemaNames() {
        if (bindings.isEmpty()) {
            return connector.schemaNames();
        }
        return bindings.stream().map(SchemaBinding::name).toList();
    }

    public List<String> tableNames(String schema) {
        return namespaceOf(schema).map(connector::tableNames).orElse(List.of());
    }

    public Optional<TableMetadata> table(String schema, String table) {
        return namespaceOf(schema).flatMap(ns -> connector.table(new SchemaTableName(ns, table)));
    }

    /**
     * For listings: the tables of {@code schema} whose names {@code nameFilter} accepts, sorted by
     * name, as the connector lists them ({@link Connector#listedTable}, possibly a little behind
     * the source). Each is named by its connector namespace and table.
     */
    public List<TableMetadata> listedTables(String schema, Predicate<String> nameFilter) {
        Optional<String> namespace = namespaceOf(schema);
        if (namespace.isEmpty()) {
            return List.of();
        }
        List<TableMetadata> tables = new ArrayList<>();
        for (String table : connector.tableNames(namespace.get())) {
            if (nameFilter.test(table)) {
                connector.listedTable(new SchemaTableName(namespace.get(), table)).ifPresent(tables::add);
            }
        }
        return tables;
    }

    /** The metadata table {@code name} ({@code orders$files}) of a table of {@code schema}, ungoverned: callers check B6. */
    public Optional<TableMetadata> metadataTable(String schema, MetadataTableName name) {
        return namespaceOf(schema).flatMap(ns -> connector.metadataTable(new SchemaTableName(ns, name.table()), name.kind()));
    }

    /** The connector namespace behind a mesh schema, or empty when the domain has no such schema. */
    public Optional<String> namespaceOf(String schema) {
        if (bindings.isEmpty()) {
            return connector.schemaNames().contains(schema) ? Optional.of(schema) : Optional.empty();
        }
        return bindings.stream().filter(b -> b.name().equals(schema)).map(SchemaBinding::namespace).findFirst();
    }
}
