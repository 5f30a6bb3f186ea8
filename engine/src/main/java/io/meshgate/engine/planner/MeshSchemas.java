package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.spi.MetadataTableName;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The mesh catalog as Calcite schemas: the root holds one schema per domain, a domain one per mesh
 * schema, and a mesh schema resolves its tables one by one, as the principal sees them.
 */
final class MeshSchemas {
    private MeshSchemas() {
    }

    /**
     * A fresh, uncached Calcite root schema over the tables a query may name: each query sees
     * current metadata, and only what its principal may see.
     */
    static CalciteSchema root(MeshCatalog catalog, GovernedTables tables) {
        return CalciteSchema.createRootSchema(false, false, "", new RootSchema(catalog, tables));
    }

    private static final class RootSchema extends AbstractSchema {
        private final MeshCatalog catalog;
        private final GovernedTables tables;

        RootSchema(MeshCatalog catalog, GovernedTables tables) {
            this.catalog = requireNonNull(catalog, "catalog is null");
            this.tables = requireNonNull(tables, "tables is null");
        }

        @Override
        public Lookup<Table> tables() {
            return Lookup.empty();
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return new LazyLookup<>(name -> catalog.domain(name).map(domain -> new DomainSchema(domain, tables)),
                    () -> new LinkedHashSet<>(catalog.domainNames()));
        }
    }

    private static final class DomainSchema extends AbstractSchema {
        private final Domain domain;
        private final GovernedTables tables;

        DomainSchema(Domain domain, GovernedTables tables) {
            this.domain = requireNonNull(domain, "domain is null");
            this.tables = requireNonNull(tables, "tables is null");
        }

        @Override
        public Lookup<Table> tables() {
            return Lookup.empty();
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return new LazyLookup<>(this::schema, () -> new LinkedHashSet<>(domain.schemaNames()));
        }

        private Optional<Schema> schema(String name) {
            return domain.namespaceOf(name).map(namespace -> new TablesSchema(domain, name, tables));
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
