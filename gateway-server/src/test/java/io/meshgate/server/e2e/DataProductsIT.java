package io.meshgate.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.driver.jdbc.ArrowFlightJdbcFlightStreamResultSet;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data products end to end on the demo mesh: a query on the deprecated product
 * {@code supply.inventory.partsupp} answers with a warning (in the FlightInfo's app metadata and
 * the result's schema metadata, through Flight SQL and Arrow's JDBC driver), a product past its
 * sunset fails with PRODUCT_RETIRED once the product files say so, and the system tables show
 * admin every product and sam only the two tables sam may see.
 */
class DataProductsIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.001);

    private static final String PARTSUPP = "supply.inventory.partsupp";
    private static final String WARNING = "Product supply.inventory.partsupp is deprecated: it answers until its sunset on "
            + LocalDate.now(ZoneOffset.UTC).plusYears(1) + ", then queries on it fail (ask supply-team@example.com what replaces it)";

    @Test
    void theWarningTravelsInTheFlightInfoAndInTheSchemaOfTheResult() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", GATEWAY.port())).build()) {
            CallOption token = client.authenticateBasicToken("admin", "admin").orElseThrow();
            FlightSqlClient sql = new FlightSqlClient(client);
            FlightInfo info = sql.execute("SELECT count(*) FROM " + PARTSUPP, token);
            assertEquals("warning: " + WARNING + "\n", new String(info.getAppMetadata(), StandardCharsets.UTF_8));
            assertEquals(WARNING, info.getSchema().getCustomMetadata().get("meshgate.warnings"));
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
                assertEquals(WARNING, stream.getSchema().getCustomMetadata().get("meshgate.warnings"));
                assertTrue(stream.next());
                assertTrue(((Number) stream.getRoot().getVector(0).getObject(0)).longValue() > 0, "a deprecated product still answers");
            }
            FlightSqlClient.PreparedStatement prepared = sql.prepare("SELECT ps_partkey FROM " + PARTSUPP + " LIMIT 1", token);
            assertEquals("warning: " + WARNING + "\n", new String(prepared.execute(token).getAppMetadata(), StandardCharsets.UTF_8));
            prepared.close(token);
            FlightInfo active = sql.execute("SELECT count(*) FROM supply.inventory.part", token);
            assertNull(active.getAppMetadata());
            assertFalse(active.getSchema().getCustomMetadata().containsKey("meshgate.warnings"));
        }
    }

    @Test
    void arrowsJdbcDriverHandsTheWarningOutAsAppMetadata() throws Exception {
        try (Connection connection = GATEWAY.connect("ana"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT p.p_name, ps.ps_supplycost FROM " + PARTSUPP + " ps"
                        + " JOIN supply.inventory.part p ON p.p_partkey = ps.ps_partkey LIMIT 3")) {
            byte[] metadata = rows.unwrap(ArrowFlightJdbcFlightStreamResultSet.class).getAppMetadata();
            assertEquals("warning: " + WARNING + "\n", new String(metadata, StandardCharsets.UTF_8));
            int count = 0;
            while (rows.next()) {
                count++;
            }
            assertEquals(3, count);
        }
    }

    @Test
    void adminSeesEveryProductWithItsMetadata() throws Exception {
        List<List<Object>> products = rows("admin", "SELECT product, owner, contact, status, sunset, freshness_sla_minutes, version, tags"
                + " FROM mesh.meta.products ORDER BY product");
        assertEquals(8, products.size(), products.toString());
        assertEquals(List.of("supply.inventory.partsupp", "supply-team", "supply-team@example.com", "deprecated",
                LocalDate.now(ZoneOffset.UTC).plusYears(1), 10080L, "1.5", "domain=supply, sensitivity=internal"), products.get(6));
        assertEquals(List.of("commerce.sales.orders", "commerce-team", "commerce-team@example.com", "active", "null", 1440L, "2.3",
                "domain=commerce, sensitivity=internal"), products.get(1));
        for (List<Object> product : products) {
            for (int field : new int[] {1, 2, 5, 6}) {
                assertFalse(product.get(field).equals("null"), "every demo product has an owner, a contact, an SLA and a version: " + product);
            }
        }
        assertEquals(List.of(List.of(8L, 8L)), rows("admin", "SELECT count(*), count(snapshot_id) FROM mesh.meta.freshness"
                + " WHERE last_updated IS NOT NULL AND minutes_since >= 0 AND NOT breached"), "the demo was generated just now");
        assertEquals(List.of(List.of("c_phone", "domain=customer, pii=phone, sensitivity=confidential")),
                rows("admin", "SELECT column_name, tags FROM mesh.meta.columns WHERE table_name = 'customer' AND column_name = 'c_phone'"));
    }

    @Test
    void samSeesOnlyTheProductsAndColumnsSamMaySee() throws Exception {
        assertEquals(List.of(List.of("commerce.sales.orders"), List.of("customer.crm.customer")),
                rows("sam", "SELECT product FROM mesh.meta.products ORDER BY product"));
        assertEquals(List.of(List.of(2L)), rows("sam", "SELECT count(*) FROM mesh.meta.products"));
        assertEquals(List.of(), rows("sam", "SELECT * FROM mesh.meta.products WHERE table_name = 'partsupp'"), "a hidden product has no row");
        assertEquals(List.of(List.of(0L)), rows("sam", "SELECT count(*) FROM mesh.meta.columns WHERE domain = 'supply'"));
        assertEquals(List.of(List.of(2L, 0L)), rows("sam", "SELECT count(*), count(snapshot_id) FROM mesh.meta.freshness"),
                "the snapshot ids are metadata sam may not read (B6)");
        assertEquals(List.of(List.of("o_orderkey", 1), List.of("o_custkey", 2), List.of("o_totalprice", 3), List.of("o_orderdate", 4)),
                rows("sam", "SELECT column_name, ordinal_position FROM mesh.meta.columns WHERE table_name = 'orders' ORDER BY ordinal_position"));
        assertEquals(List.of(), rows("ana", "SELECT * FROM mesh.meta.columns WHERE column_name IN ('c_phone', 'c_address', 's_acctbal', 'o_clerk')"),
                "ana's hidden columns have no row either");
        List<List<Object>> supplier = rows("ana", "SELECT ordinal_position FROM mesh.meta.columns WHERE table_name = 'supplier' ORDER BY 1");
        assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5), List.of(6)), supplier,
                "numbered among the visible columns: nothing shows where s_acctbal was");
    }

    @Test
    void systemTablesAreListedAsSystemTablesAndAreReadOnly() throws Exception {
        try (Connection connection = GATEWAY.connect("sam")) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metadata.getTables("mesh", "meta", "%", null)) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME") + ":" + rows.getString("TABLE_TYPE"));
                }
            }
            assertEquals(List.of("columns:SYSTEM TABLE", "contracts:SYSTEM TABLE", "freshness:SYSTEM TABLE", "lineage:SYSTEM TABLE",
                "links:SYSTEM TABLE", "products:SYSTEM TABLE"), tables);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = metadata.getColumns("mesh", "meta", "freshness", "%")) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
            assertEquals(List.of("domain", "schema_name", "table_name", "snapshot_id", "last_updated", "minutes_since", "sla_minutes",
                    "breached"), columns);
        }
        SQLException insert = assertThrows(SQLException.class, () -> rows("admin", "INSERT INTO mesh.meta.products (product) VALUES ('x')"));
        assertTrue(insert.getMessage().contains("NOT_SUPPORTED"), insert.getMessage());
        Properties session = new Properties();
        session.setProperty("catalog", "mesh");
        Connection withCatalog = GATEWAY.connect("sam", session);
        try (Statement statement = withCatalog.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM meta.products")) {
            assertTrue(rows.next());
            assertEquals(2, rows.getLong(1), "the session catalog may be mesh");
        } finally {
            try {
                withCatalog.close();
            } catch (SQLException e) {
                // Arrow's driver (18.3) closes its channel before it closes the session it opened for the catalog.
                assertTrue(e.getMessage().contains("Channel shutdown invoked"), e.getMessage());
            }
        }
    }

    @Test
    void aProductPastItsSunsetFailsAndABadEditOfTheFilesKeepsTheFilesInForce() throws Exception {
        Path file = GATEWAY.data().resolve("products").resolve("lifecycle.yaml");
        String original = Files.readString(file);
        Path broken = file.resolveSibling("broken.yaml");
        try {
            Files.writeString(file, original.replaceFirst("sunset: \\S+", "sunset: " + LocalDate.now(ZoneOffset.UTC).minusDays(1)));
            SQLException retired = awaitFailure("admin", "SELECT count(*) FROM " + PARTSUPP);
            assertTrue(retired.getMessage().contains("[PRODUCT_RETIRED] SQLSTATE 55000: Cannot query supply.inventory.partsupp: the product"
                    + " was retired after its sunset on " + LocalDate.now(ZoneOffset.UTC).minusDays(1)), retired.getMessage());
            assertEquals(List.of(List.of("retired")), rows("admin", "SELECT status FROM mesh.meta.products WHERE table_name = 'partsupp'"));

            Files.writeString(broken, "products:\n  - {name: supply.inventory.part, sunset: someday}\n");
            Files.writeString(file, original);
            Thread.sleep(3_000);
            assertTrue(awaitFailure("admin", "SELECT count(*) FROM " + PARTSUPP).getMessage().contains("PRODUCT_RETIRED"),
                    "a change with a bad file is rejected whole: the retired product stays retired");
        } finally {
            Files.deleteIfExists(broken);
            Files.writeString(file, original);
        }
        awaitRows("admin", "SELECT count(*) FROM " + PARTSUPP);
    }

    /** Rows as lists of values: dates as LocalDate, NULL as the text "null" (so that rows compare with List.of). */
    private static List<List<Object>> rows(String user, String sql) throws SQLException {
        try (Connection connection = GATEWAY.connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    Object value = result.getObject(c);
                    row.add(value == null ? "null" : value instanceof java.sql.Date date ? date.toLocalDate() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The failure of {@code sql}, once the product files' poll (every 2 s) has put the change in force. */
    private static SQLException awaitFailure(String user, String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                rows(user, sql);
            } catch (SQLException e) {
                return e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still answering after 20 s: " + sql);
            }
            Thread.sleep(200);
        }
    }

    private static void awaitRows(String user, String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                rows(user, sql);
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
