package io.meshgate.server.transport.flight;

import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.vector.VarCharVector;

/** GetCatalogs: one catalog per domain the caller can see a table in, sorted. */
final class CatalogsHandler {
    private final MetadataResults results;

    CatalogsHandler(MetadataResults results) {
        this.results = results;
    }

    void stream(MeshObjects objects, ServerStreamListener listener) {
        List<String> names = objects.catalogs();
        results.send(Schemas.GET_CATALOGS_SCHEMA, listener, root -> {
            VarCharVector catalog = (VarCharVector) root.getVector("catalog_name");
            for (int i = 0; i < names.size(); i++) {
                Vectors.set(catalog, i, names.get(i));
            }
            root.setRowCount(names.size());
        });
    }
}
