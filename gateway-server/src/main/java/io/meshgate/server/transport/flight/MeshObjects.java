package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleLink;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.meta.SystemTable;
import io.meshgate.engine.meta.SystemTables;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Walks the mesh as one principal sees it, for listings (R2): the catalogs, schemas, tables and
 * resource links that match a catalog and name patterns, sorted. What the principal may not DESCRIBE is never
 * listed, and a table's schema has only its visible columns. Each answer is one walk of the mesh
 * through {@link CatalogView#tables(Optional, java.util.function.Predicate, java.util.function.Predicate)},
 * which reads table metadata as listings may (a short, documented time behind the catalog). The
 * system tables ({@code mesh.meta.*}) are listed for every principal: each sees its own rows.
 */
final class MeshObjects {
    record SchemaRef(String catalog, String schema) {
    }

    private static final Comparator<VisibleTable> ORDER = Comparator.comparing((VisibleTable t) -> t.domain().name())
            .thenComparing(VisibleTable::schema).thenComparing(VisibleTable::name);

    private final CatalogView view;
    private final SystemTables systemTables;

    MeshObjects(CatalogView view, SystemTables systemTables) {
        this.view = view;
        this.systemTables = systemTables;
    }

    List<String> catalogs() {
        Stream<String> domains = Stream.concat(view.tables(Optional.empty(), schema -> true, table -> true).stream().map(t -> t.domain().name()),
                view.links(Optional.empty(), schema -> true, table -> true).stream().map(l -> l.name().domain()));
        return Stream.concat(domains, systemTables.tables().isEmpty() ? Stream.empty() : Stream.of(SystemTables.CATALOG))
                .distinct().sorted().toList();
    }

    /** {@code catalog} empty: every domain; present: exactly that domain. */
    List<SchemaRef> schemas(Optional<String> catalog, NamePattern schemaPattern) {
        Stream<SchemaRef> domains = Stream.concat(view.tables(catalog, schemaPattern::matches, table -> true).stream()
                        .map(t -> new SchemaRef(t.domain().name(), t.schema())),
                view.links(catalog, schemaPattern::matches, table -> true).stream().map(l -> new SchemaRef(l.name().domain(), l.name().schema())));
        Stream<SchemaRef> system = systemTables(catalog, schemaPattern, NamePattern.any()).isEmpty()
                ? Stream.empty() : Stream.of(new SchemaRef(SystemTables.CATALOG, SystemTables.SCHEMA));
        return Stream.concat(domains, system).distinct()
                .sorted(Comparator.comparing(SchemaRef::catalog).thenComparing(SchemaRef::schema)).toList();
    }

    /** The system tables in {@code catalog} (empty: any) whose schema and name match, by name. */
    List<SystemTable> systemTables(Optional<String> catalog, NamePattern schemaPattern, NamePattern tablePattern) {
        if (!catalog.map(SystemTables.CATALOG::equals).orElse(true) || !schemaPattern.matches(SystemTables.SCHEMA)) {
            return List.of();
        }
        return systemTables.tables().stream().filter(table -> tablePattern.matches(table.name())).toList();
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
