package io.meshgate.connector.iceberg;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The connector over an Iceberg JDBC catalog in SQLite with a local {@code file://} warehouse. */
class IcebergConnectorSqliteTest extends IcebergConnectorContract {
    @TempDir
    static Path directory;
    static IcebergConnector connector;

    @BeforeAll
    static void createCatalog() {
        connector = IcebergConnector.open(sqlite(directory, "commerce"));
        createTables(connector);
    }

    @AfterAll
    static void closeCatalog() {
        connector.close();
    }

    static JdbcCatalogSpec sqlite(Path directory, String catalogName) {
        return new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve(catalogName + ".db"), Optional.empty(), Optional.empty(),
                catalogName, directory.resolve(catalogName + "-warehouse").toUri().toString(), S3Options.defaults());
    }

    @Override
    IcebergConnector connector() {
        return connector;
    }
}
