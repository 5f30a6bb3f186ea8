package io.meshgate.server.transport.flight;

import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.vector.VarCharVector;

/** GetTableTypes: the mesh has tables only. */
final class TableTypesHandler {
    private final MetadataResults results;

    TableTypesHandler(MetadataResults results) {
        this.results = results;
    }

    void stream(ServerStreamListener listener) {
        results.send(Schemas.GET_TABLE_TYPES_SCHEMA, listener, root -> {
            Vectors.set((VarCharVector) root.getVector("table_type"), 0, TablesHandler.TABLE_TYPE);
            root.setRowCount(1);
        });
    }
}
