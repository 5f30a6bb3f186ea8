package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.MeshCatalog;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.vector.VarCharVector;

/** GetCatalogs: one catalog per domain, sorted. */
final class CatalogsHandler {
    private final MeshCatalog mesh;
    private final MetadataResults results;

    CatalogsHandler(MeshCatalog mesh, MetadataResults results) {
        this.mesh = mesh;
        this.results = results;
    }

    void stream(ServerStreamListener listener) {
        List<String> names = mesh.domainNames().stream().sorted().toList();
        results.send(Schemas.GET_CATALOGS_SCHEMA, listener, root -> {
            VarCharVector catalog = (VarCharVector) root.getVector("catalog_name");
            for (int i = 0; i < names.size(); i++) {
                Vectors.set(catalog, i, names.get(i));
            }
            root.setRowCount(names.size());
        });
    }
}
