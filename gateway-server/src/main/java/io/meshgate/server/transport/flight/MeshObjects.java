package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;

/** Walks the mesh catalog for listings: the schemas and tables that match a catalog and name patterns, sorted. */
final class MeshObjects {
    record SchemaRef(String catalog, String schema) {
    }

    record TableRef(String catalog, String schema, String table) {
    }

    private final MeshCatalog mesh;

    MeshObjects(MeshCatalog mesh) {
        this.mesh = mesh;
    }

    /** {@code catalog} empty: every domain; present: exactly that domain. */
    List<SchemaRef> schemas(Optional<String> catalog, NamePattern schemaPattern) {
        List<SchemaRef> result = new ArrayList<>();
        for (Domain domain : domains(catalog)) {
            domain.schemaNames().stream().sorted().filter(schemaPattern::matches)
                    .forEach(schema -> result.add(new SchemaRef(domain.name(), schema)));
        }
        return result;
    }

    List<TableRef> tables(Optional<String> catalog, NamePattern schemaPattern, NamePattern tablePattern) {
        List<TableRef> result = new ArrayList<>();
        for (SchemaRef schema : schemas(catalog, schemaPattern)) {
            Domain domain = mesh.domain(schema.catalog()).orElseThrow();
            domain.tableNames(schema.schema()).stream().sorted().filter(tablePattern::matches)
                    .forEach(table -> result.add(new TableRef(schema.catalog(), schema.schema(), table)));
        }
        return result;
    }

    Optional<Schema> tableSchema(TableRef table) {
        return mesh.domain(table.catalog()).flatMap(d -> d.table(table.schema(), table.table())).map(TableMetadata::schema);
    }

    private List<Domain> domains(Optional<String> catalog) {
        return mesh.domainNames().stream().sorted()
                .filter(name -> catalog.map(name::equals).orElse(true))
                .map(name -> mesh.domain(name).orElseThrow())
                .toList();
    }
}
