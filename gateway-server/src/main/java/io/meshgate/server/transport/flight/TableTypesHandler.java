package io.meshgate.server.transport.flight;

import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.vector.VarCharVector;

/** GetTableTypes: the mesh has tables, resource links and system tables ({@code mesh.meta.*}), listed in order of name. */
final class TableTypesHandler {
    private final MetadataResults results;

    TableTypesHandler(MetadataResults results) {
        this.results = results;
    }

    void stream(ServerStreamListener listener) {
        results.send(Schemas.GET_TABLE_TYPES_SCHEMA, listener, root -> {
            VarCharVector types = (VarCharVector) root.getVector("table_type");
            Vectors.set(types, 0, TablesHandler.LINK_TYPE);
            Vectors.set(types, 1, TablesHandler.SYSTEM_TABLE_TYPE);
            Vectors.set(types, 2, TablesHandler.TABLE_TYPE);
            root.setRowCount(3);
        });
    }
}
