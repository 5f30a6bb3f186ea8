package io.meshgate.server.transport.flight;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.vector.VarCharVector;

/** GetDbSchemas: the schemas of each domain the caller can see a table in, filtered by catalog and schema pattern. */
final class SchemasHandler {
    private final MetadataResults results;

    SchemasHandler(MetadataResults results) {
        this.results = results;
    }

    void stream(MeshObjects objects, CommandGetDbSchemas command, ServerStreamListener listener) {
        Optional<String> catalog = command.hasCatalog() ? Optional.of(command.getCatalog()) : Optional.empty();
        NamePattern pattern = NamePattern.of(command.hasDbSchemaFilterPattern(), command.getDbSchemaFilterPattern());
        List<MeshObjects.SchemaRef> schemas = objects.schemas(catalog, pattern);
        results.send(Schemas.GET_SCHEMAS_SCHEMA, listener, root -> {
            VarCharVector catalogs = (VarCharVector) root.getVector("catalog_name");
            VarCharVector names = (VarCharVector) root.getVector("db_schema_name");
            for (int i = 0; i < schemas.size(); i++) {
                Vectors.set(catalogs, i, schemas.get(i).catalog());
                Vectors.set(names, i, schemas.get(i).schema());
            }
            root.setRowCount(schemas.size());
        });
    }
}
