package io.meshgate.connector.iceberg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The connector over an Iceberg JDBC catalog in a real PostgreSQL server. */
class IcebergConnectorPostgresTest extends IcebergConnectorContract {
    @TempDir
    static Path directory;
    static EmbeddedPostgres postgres;
    static IcebergConnector connector;

    @BeforeAll
    static void createCatalog() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        String uri = postgres.getJdbcUrl("postgres", "postgres");
        connector = IcebergConnector.open(new JdbcCatalogSpec(uri, Optional.of("postgres"), Optional.of("postgres"),
                "commerce", directory.resolve("warehouse").toUri().toString(), S3Options.defaults()));
        createTables(connector);
    }

    @AfterAll
    static void stop() throws IOException {
        connector.close();
        postgres.close();
    }

    @Override
    IcebergConnector connector() {
        return connector;
    }
}
