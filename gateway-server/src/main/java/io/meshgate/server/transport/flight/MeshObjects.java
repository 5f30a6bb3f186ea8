package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleTable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Walks the mesh as one principal sees it, for listings (R2): the catalogs, schemas and tables
 * that match a catalog and name patterns, sorted. What the principal may not DESCRIBE is never
 * listed, and a table's schema has only its visible columns. Each answer is one walk of the mesh
 * through {@link CatalogView#tables(Optional, java.util.function.Predicate, java.util.function.Predicate)},
 * which reads table metadata as listings may (a short, documented time behind the catalog).
 */
final class MeshObjects {
    record SchemaRef(String catalog, String schema) {
    }

    private static final Comparator<VisibleTable> ORDER = Comparator.comparing((VisibleTable t) -> t.domain().name())
            .thenComparing(VisibleTable::schema).thenComparing(VisibleTable::name);

    private final CatalogView view;

    MeshObjects(CatalogView view) {
        this.view = view;
    }

    List<String> catalogs() {
        return view.tables(Optional.empty(), schema -> true, table -> true).stream()
                .map(t -> t.domain().name()).distinct().sorted().toList();
    }

    /** {@code catalog} empty: every domain; present: exactly that domain. */
    List<SchemaRef> schemas(Optional<String> catalog, NamePattern schemaPattern) {
        return view.tables(catalog, schemaPattern::matches, table -> true).stream()
                .map(t -> new SchemaRef(t.domain().name(), t.schema())).distinct()
                .sorted(Comparator.comparing(SchemaRef::catalog).thenComparing(SchemaRef::schema)).toList();
    }

    /** The visible tables, sorted by catalog, schema and name, each with its visible columns. */
    List<VisibleTable> tables(Optional<String> catalog, NamePattern schemaPattern, NamePattern tablePattern) {
        return view.tables(catalog, schemaPattern::matches, tablePattern::matches).stream().sorted(ORDER).toList();
    }
}
