package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.Links;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.execution.SystemRows;
import io.meshgate.engine.meta.SystemTable;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.spi.MetadataTableName;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The mesh catalog as Calcite schemas: the root holds one schema per domain (domains of links
 * included), a domain one per mesh schema, and a mesh schema resolves its tables one by one, as the
 * principal sees them. Beside the domains, the catalog {@code mesh} holds the schema {@code meta}
 * of system tables.
 */
final class MeshSchemas {
    private MeshSchemas() {
    }

    /**
     * A fresh, uncached Calcite root schema over the tables a query may name: each query sees
     * current metadata, and only what its principal may see.
     */
    static CalciteSchema root(MeshCatalog catalog, GovernedTables tables, SystemTables systemTables) {
        Links links = catalog.links();
        Schema system = new ParentSchema(name -> name.equals(SystemTables.SCHEMA)
                ? Optional.of(systemSchema(systemTables, catalog, tables)) : Optional.empty(), () -> Set.of(SystemTables.SCHEMA));
        Schema root = new ParentSchema(
                name -> name.equals(SystemTables.CATALOG) ? Optional.of(system)
                        : catalog.domain(name).map(domain -> domainSchema(domain, tables))
                        .or(() -> links.isLinkDomain(name) ? Optional.of(linkDomainSchema(links, name, tables)) : Optional.empty()),
                () -> {
                    Set<String> names = new LinkedHashSet<>(catalog.domainNames());
                    names.addAll(links.domainNames());
                    names.add(SystemTables.CATALOG);
                    return names;
                });
        return CalciteSchema.createRootSchema(false, false, "", root);
    }

    /** A domain of resource links: one schema per schema of links it holds. */
    private static Schema linkDomainSchema(Links links, String domain, GovernedTables tables) {
        return new ParentSchema(name -> links.schemaNames(domain).contains(name) ? Optional.of(new LinkTablesSchema(links, domain, name, tables))
                : Optional.empty(), () -> new LinkedHashSet<>(links.schemaNames(domain)));
    }

    /** {@code mesh.meta}: the system tables, each scanning its rows for the query's principal. */
    private static Schema systemSchema(SystemTables systemTables, MeshCatalog catalog, GovernedTables tables) {
        return new AbstractSchema() {
            @Override
            public Lookup<Table> tables() {
                return new LazyLookup<>(name -> systemTables.table(name).map(table ->
                        new SystemTableAdapter(table, new SystemRows(table, tables.view(), catalog.products()))),
                        () -> new LinkedHashSet<>(systemTables.tables().stream().map(SystemTable::name).toList()));
            }
        };
    }

    /** A domain: one schema per mesh schema it exposes. */
    private static Schema domainSchema(Domain domain, GovernedTables tables) {
        return new ParentSchema(name -> domain.namespaceOf(name).map(namespace -> new TablesSchema(domain, name, tables)),
                () -> new LinkedHashSet<>(domain.schemaNames()));
    }

    /** A schema that holds only schemas (the root and the domains), found one by one. */
    private static final class ParentSchema extends AbstractSchema {
        private final Function<String, Optional<Schema>> find;
        private final Supplier<Set<String>> names;

        ParentSchema(Function<String, Optional<Schema>> find, Supplier<Set<String>> names) {
            this.find = requireNonNull(find, "find is null");
            this.names = requireNonNull(names, "names is null");
        }

        @Override
        public Lookup<Table> tables() {
            return Lookup.empty();
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return new LazyLookup<>(find, names);
        }
    }

    /**
     * A schema of resource links: its tables are the names its links give, each resolving to what
     * the principal reads through it, or to nothing (a DANGLING name is a missing table). Metadata
     * tables are not reachable through links: read them on the target.
     */
    private static final class LinkTablesSchema extends AbstractSchema {
        private final Links links;
        private final String domain;
        private final String schema;
        private final GovernedTables tables;

        LinkTablesSchema(Links links, String domain, String schema, GovernedTables tables) {
            this.links = requireNonNull(links, "links is null");
            this.domain = requireNonNull(domain, "domain is null");
            this.schema = requireNonNull(schema, "schema is null");
            this.tables = requireNonNull(tables, "tables is null");
        }

        @Override
        public Lookup<Table> tables() {
            return new LazyLookup<>(name -> tables.table(domain, schema, name).map(table -> new MeshTable(table, tables)),
                    () -> Set.copyOf(links.tableNames(domain, schema)));
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return Lookup.empty();
        }
    }

    private static final class TablesSchema extends AbstractSchema {
        private final Domain domain;
        private final String schema;
        private final GovernedTables tables;

        TablesSchema(Domain domain, String schema, GovernedTables tables) {
            this.domain = requireNonNull(domain, "domain is null");
            this.schema = requireNonNull(schema, "schema is null");
            this.tables = requireNonNull(tables, "tables is null");
        }

        /**
         * Only visible tables resolve: a hidden table is exactly like a missing one (R2). A name
         * {@code table$kind} is a metadata table, resolved by {@link MetadataTables} (B6).
         */
        @Override
        public Lookup<Table> tables() {
            return new LazyLookup<>(this::table, () -> Set.copyOf(domain.tableNames(schema)));
        }

        private Optional<Table> table(String name) {
            Optional<MetadataTableName> metadataTable = MetadataTableName.parse(name);
            if (metadataTable.isPresent()) {
                return MetadataTables.resolve(tables, domain, schema, metadataTable.get()).map(Table.class::cast);
            }
            return tables.table(domain.name(), schema, name).map(table -> new MeshTable(table, tables));
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return Lookup.empty();
        }
    }
}
