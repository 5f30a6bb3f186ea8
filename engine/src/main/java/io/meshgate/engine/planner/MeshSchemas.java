package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
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
 * schema, and a mesh schema resolves its tables one by one through {@link Domain#table}.
 */
final class MeshSchemas {
    private MeshSchemas() {
    }

    /** A fresh, uncached Calcite root schema over {@code catalog}: each query sees current metadata. */
    static CalciteSchema root(MeshCatalog catalog) {
        return CalciteSchema.createRootSchema(false, false, "", new RootSchema(catalog));
    }

    private static final class RootSchema extends AbstractSchema {
        private final MeshCatalog catalog;

        RootSchema(MeshCatalog catalog) {
            this.catalog = requireNonNull(catalog, "catalog is null");
        }

        @Override
        public Lookup<Table> tables() {
            return Lookup.empty();
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return new LazyLookup<>(name -> catalog.domain(name).map(DomainSchema::new),
                    () -> new LinkedHashSet<>(catalog.domainNames()));
        }
    }

    private static final class DomainSchema extends AbstractSchema {
        private final Domain domain;

        DomainSchema(Domain domain) {
            this.domain = requireNonNull(domain, "domain is null");
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
            return domain.namespaceOf(name).map(namespace -> new TablesSchema(domain, name));
        }
    }

    private static final class TablesSchema extends AbstractSchema {
        private final Domain domain;
        private final String schema;

        TablesSchema(Domain domain, String schema) {
            this.domain = requireNonNull(domain, "domain is null");
            this.schema = requireNonNull(schema, "schema is null");
        }

        @Override
        public Lookup<Table> tables() {
            return new LazyLookup<>(name -> domain.table(schema, name).map(metadata -> new MeshTable(domain, schema, name, metadata)),
                    () -> Set.copyOf(domain.tableNames(schema)));
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return Lookup.empty();
        }
    }
}
