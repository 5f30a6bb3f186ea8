package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector over an Iceberg REST catalog: a real REST catalog server over HTTP that demands a
 * bearer token, reached with OAuth2 client credentials. The tables are created through the REST
 * catalog, so they are written, listed and scanned all through it.
 */
class IcebergConnectorRestTest extends IcebergConnectorContract {
    static final String CLIENT_ID = "meshgate";
    static final String CLIENT_SECRET = "rest-secret";

    @TempDir
    static Path directory;
    static RestCatalogServer server;
    static IcebergConnector connector;

    @BeforeAll
    static void createCatalog() throws Exception {
        server = RestCatalogServer.start(directory, "commerce", S3Options.defaults(), directory.resolve("warehouse").toUri().toString(),
                RestCatalogServer.Authentication.required("static-token", CLIENT_ID, CLIENT_SECRET));
        connector = IcebergConnector.open(spec(Optional.of(CLIENT_ID + ":" + CLIENT_SECRET), Optional.empty()));
        createTables(connector);
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        server.close();
    }

    static RestCatalogSpec spec(Optional<String> credential, Optional<String> token) {
        return new RestCatalogSpec(server.uri(), "commerce", Optional.empty(), credential, token, Optional.empty(), Optional.empty(),
                Optional.empty(), S3Options.defaults());
    }

    @Override
    IcebergConnector connector() {
        return connector;
    }

    @Test
    void tablesAreCataloguedByTheRestServer() {
        assertTrue(connector.catalog() instanceof RESTCatalog, connector.catalog().getClass().getName());
        Catalog backend = server.backend();
        assertEquals(connector.catalog().loadTable(ORDERS).uuid(), backend.loadTable(ORDERS).uuid());
        assertEquals(0, server.rejectedRequests());
    }
}
