package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector over a SQLite catalog whose warehouse is {@code s3://} on a real S3 API server. */
class IcebergConnectorS3Test extends IcebergConnectorContract {
    @TempDir
    static Path directory;
    static S3ProxyServer s3;
    static IcebergConnector connector;

    @BeforeAll
    static void createCatalog() throws Exception {
        s3 = S3ProxyServer.start("lake");
        connector = IcebergConnector.open(new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve("catalog.db"),
                Optional.empty(), Optional.empty(), "commerce", "s3://lake/commerce", s3.options()));
        createTables(connector);
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        s3.close();
    }

    @Override
    IcebergConnector connector() {
        return connector;
    }

    @Test
    void tableLivesInTheBucket() {
        Table table = connector.catalog().loadTable(ORDERS);
        assertTrue(table.location().startsWith("s3://lake/commerce/"), table.location());
        assertTrue(table.currentSnapshot().addedDataFiles(table.io()).iterator().next().location().startsWith("s3://lake/"));
    }
}
