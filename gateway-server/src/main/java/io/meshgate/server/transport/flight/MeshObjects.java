package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Walks the mesh as one principal sees it, for listings (R2): the catalogs, schemas and tables
 * that match a catalog and name patterns, sorted. What the principal may not DESCRIBE is never
 * listed, and a table's schema has only its visible columns.
 */
final class MeshObjects {
    record SchemaRef(String catalog, String schema) {
    }

    record TableRef(String catalog, String schema, String table) {
    }

    private final CatalogView view;

    MeshObjects(CatalogView view) {
        this.view = view;
    }

    List<String> catalogs() {
        return view.domainNames().stream().sorted().toList();
    }

    /** {@code catalog} empty: every domain; present: exactly that domain. */
    List<SchemaRef> schemas(Optional<String> catalog, NamePattern schemaPattern) {
        List<SchemaRef> result = new ArrayList<>();
        for (String domain : domains(catalog)) {
            view.schemaNames(domain).stream().sorted().filter(schemaPattern::matches)
                    .forEach(schema -> result.add(new SchemaRef(domain, schema)));
        }
        return result;
    }

    List<TableRef> tables(Optional<String> catalog, NamePattern schemaPattern, NamePattern tablePattern) {
        List<TableRef> result = new ArrayList<>();
        for (SchemaRef schema : schemas(catalog, schemaPattern)) {
            view.tableNames(schema.catalog(), schema.schema()).stream().sorted().filter(tablePattern::matches)
                    .forEach(table -> result.add(new TableRef(schema.catalog(), schema.schema(), table)));
        }
        return result;
    }

    /** The table's visible columns; empty when it is gone or no longer visible. */
    Optional<Schema> tableSchema(TableRef table) {
        return view.table(table.catalog(), table.schema(), table.table()).map(VisibleTable::metadata).map(TableMetadata::schema);
    }

    private List<String> domains(Optional<String> catalog) {
        return catalog.map(List::of).orElseGet(this::catalogs);
    }
}
