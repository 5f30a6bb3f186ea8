package io.meshgate.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.ScanRows;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that goes down while the connector is open. */
class PostgresOutageTest {
    @TempDir
    Path directory;

    @Test
    void aDatabaseThatWentDownFailsEachCallWithAnExternalErrorNamingIt() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.start(directory);
        try (database; RootAllocator allocator = new RootAllocator();
                PostgresConnector connector = PostgresConnector.open("crm", database.readerSpec(2))) {
            database.execute("CREATE SCHEMA shop", "CREATE TABLE shop.customers (id integer)", "INSERT INTO shop.customers VALUES (1)");
            database.grantReader("shop");
            TableMetadata customers = connector.table(new SchemaTableName("shop", "customers")).orElseThrow();
            assertEquals(List.of(List.of(1)), ScanRows.drain(connector.scan(customers, ScanSpec.allOf(List.of("id")), allocator)));

            database.close();

            String source = "PostgreSQL database 'postgres' at 127.0.0.1:" + database.port() + " of domain 'crm': ";
            MeshgateException listing = assertThrows(MeshgateException.class, () -> connector.tableNames("shop"));
            assertEquals(ErrorCode.EXTERNAL_ERROR, listing.code());
            assertTrue(listing.getMessage().startsWith("Cannot list the tables of schema shop in " + source), listing.getMessage());
            // A new connection is refused; one the pool still held hears that the server shut down.
            assertTrue(listing.getMessage().contains("refused") || listing.getMessage().contains("SQLSTATE 57P01"), listing.getMessage());
            assertTrue(listing.getMessage().endsWith("(check that the database is running and reachable from the gateway)"), listing.getMessage());
            MeshgateException scan = assertThrows(MeshgateException.class,
                    () -> ScanRows.drain(connector.scan(customers, ScanSpec.allOf(List.of("id")), allocator)));
            assertEquals(ErrorCode.EXTERNAL_ERROR, scan.code());
            assertTrue(scan.getMessage().startsWith("Cannot read table shop.customers from " + source), scan.getMessage());
        }
    }
}
