package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleLink;
import io.meshgate.engine.catalog.VisibleTable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Walks the mesh as one principal sees it, for listings (R2): the catalogs, schemas, tables and
 * resource links that match a catalog and name patterns, sorted. What the principal may not DESCRIBE is never
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
        return Stream.concat(view.tables(Optional.empty(), schema -> true, table -> true).stream().map(t -> t.domain().name()),
                        view.links(Optional.empty(), schema -> true, table -> true).stream().map(l -> l.name().domain()))
                .distinct().sorted().toList();
    }

    /** {@code catalog} empty: every domain; present: exactly that domain. */
    List<SchemaRef> schemas(Optional<String> catalog, NamePattern schemaPattern) {
        return Stream.concat(view.tables(catalog, schemaPattern::matches, table -> true).stream().map(t -> new SchemaRef(t.domain().name(), t.schema())),
                        view.links(catalog, schemaPattern::matches, table -> true).stream().map(l -> new SchemaRef(l.name().domain(), l.name().schema())))
                .distinct()
                .sorted(Comparator.comparing(SchemaRef::catalog).thenComparing(SchemaRef::schema)).toList();
    }

    /** The visible tables, sorted by catalog, schema and name, each with its visible columns. */
    List<VisibleTable> tables(Optional<String> catalog, NamePattern schemaPattern, NamePattern tablePattern) {
        return view.tables(catalog, schemaPattern::matches, tablePattern::matches).stream().sorted(ORDER).toList();
    }

    /**
     * The names links give that the caller may read through, or owns, sorted by catalog, schema
     * and name (see {@link CatalogView#links}).
     */
    List<VisibleLink> links(Optional<String> catalog, NamePattern schemaPattern, NamePattern tablePattern) {
        return view.links(catalog, schemaPattern::matches, tablePattern::matches).stream()
                .sorted(Comparator.comparing((VisibleLink l) -> l.name().domain()).thenComparing(l -> l.name().schema())
                        .thenComparing(l -> l.name().table().orElseThrow()))
                .toList();
    }
}
