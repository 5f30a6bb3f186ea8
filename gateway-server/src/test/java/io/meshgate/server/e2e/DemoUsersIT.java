package io.meshgate.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo mesh as its users see it, exactly as {@code ./meshgate demo} serves it (its generated
 * meshgate.yaml and policy files), through Arrow's Flight SQL JDBC driver: admin sees everything,
 * ana only internal columns with names hashed and no urgent orders, sam the BUILDING customers with
 * phones masked and four order columns, fred the fraud view on top of ana's; and the analytics
 * domain's resource links, which give their readers at most what the links' owner has.
 */
class DemoUsersIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.01);

    @Test
    void adminSeesEveryColumnAndRowUnmasked() throws Exception {
        assertEquals(List.of(List.of(1500L)), rows("admin", "SELECT count(*) FROM customer.crm.customer"));
        List<List<Object>> customer = rows("admin", "SELECT c_name, c_phone, c_address FROM customer.crm.customer WHERE c_custkey = 1");
        assertEquals("Customer#000000001", customer.get(0).get(0));
        assertEquals("25-989-741-2988", customer.get(0).get(1));
        assertTrue(count("admin", "SELECT o_orderkey FROM commerce.sales.orders WHERE o_orderpriority = '1-URGENT'") > 0);
        assertEquals(1, rows("admin", "SELECT s_acctbal FROM supply.inventory.supplier WHERE s_suppkey = 1").size());
    }

    @Test
    void anaSeesInternalColumnsNamesHashedAndNoUrgentOrders() throws Exception {
        for (String hidden : List.of("SELECT c_phone FROM customer.crm.customer", "SELECT c_address FROM customer.crm.customer",
                "SELECT s_acctbal FROM supply.inventory.supplier", "SELECT o_clerk FROM commerce.sales.orders")) {
            SQLException e = assertThrows(SQLException.class, () -> rows("ana", hidden));
            assertTrue(e.getMessage().contains("COLUMN_NOT_FOUND"), e.getMessage());
        }
        String name = (String) rows("ana", "SELECT c_name FROM customer.crm.customer WHERE c_custkey = 1").get(0).get(0);
        assertTrue(name.matches("[0-9a-f]{64}"), "c_name is an HMAC: " + name);
        assertEquals(List.of(), rows("ana", "SELECT c_custkey FROM customer.crm.customer WHERE c_name = 'Customer#000000001'"));
        assertEquals(0, count("ana", "SELECT o_orderkey FROM commerce.sales.orders WHERE o_orderpriority = '1-URGENT'"));
        long all = (Long) rows("admin", "SELECT count(*) FROM commerce.sales.orders WHERE o_orderpriority <> '1-URGENT'").get(0).get(0);
        assertEquals(List.of(List.of(all)), rows("ana", "SELECT count(*) FROM commerce.sales.orders"));
        List<String> columns = columnNames("ana", "customer", "crm", "customer");
        assertFalse(columns.contains("c_phone") || columns.contains("c_address"), columns.toString());
        assertTrue(columns.contains("c_name"), columns.toString());
    }

    @Test
    void samSeesBuildingCustomersWithPhonesMaskedAndFourOrderColumns() throws Exception {
        long building = (Long) rows("admin", "SELECT count(*) FROM customer.crm.customer WHERE c_mktsegment = 'BUILDING'").get(0).get(0);
        assertEquals(List.of(List.of(building)), rows("sam", "SELECT count(*) FROM customer.crm.customer"));
        assertEquals(List.of(List.of("BUILDING")), rows("sam", "SELECT DISTINCT c_mktsegment FROM customer.crm.customer"));
        String phone = (String) rows("sam", "SELECT c_phone FROM customer.crm.customer ORDER BY c_custkey LIMIT 1").get(0).get(0);
        assertTrue(phone.matches("\\*{11}\\d{4}"), "c_phone shows its last 4: " + phone);
        assertTrue(((String) rows("sam", "SELECT c_name FROM customer.crm.customer LIMIT 1").get(0).get(0)).matches("[0-9a-f]{64}"));
        assertEquals(List.of("o_orderkey", "o_custkey", "o_totalprice", "o_orderdate"), resultColumns("sam", "SELECT * FROM commerce.sales.orders LIMIT 1"));
        SQLException priority = assertThrows(SQLException.class,
                () -> rows("sam", "SELECT count(*) FROM commerce.sales.orders WHERE o_orderpriority = '1-URGENT'"));
        assertTrue(priority.getMessage().contains("COLUMN_NOT_FOUND"), priority.getMessage());
        SQLException nation = assertThrows(SQLException.class, () -> rows("sam", "SELECT * FROM customer.crm.nation"));
        assertTrue(nation.getMessage().contains("TABLE_NOT_FOUND"), nation.getMessage());
    }

    @Test
    void fredSeesAddressesRedactedAndPhonesOnlyOnNegativeBalances() throws Exception {
        assertEquals(List.of(List.of(1500L)), rows("fred", "SELECT count(*) FROM customer.crm.customer"));
        List<List<Object>> negative = rows("fred", "SELECT c_phone, c_address, c_acctbal FROM customer.crm.customer WHERE c_acctbal < 0 LIMIT 5");
        assertFalse(negative.isEmpty());
        for (List<Object> row : negative) {
            assertNotNull(row.get(0));
            assertEquals("REDACTED", row.get(1));
            assertTrue(((BigDecimal) row.get(2)).signum() < 0);
        }
        for (List<Object> row : rows("fred", "SELECT c_phone, c_address FROM customer.crm.customer WHERE c_acctbal >= 0 LIMIT 5")) {
            assertNull(row.get(0), "the fraud grant does not cover this row: cell-level NULL");
            assertNull(row.get(1));
        }
    }

    @Test
    void theAnalyticsLinksGiveAnaTheSameOrdersAndTheCustomersWithoutPhoneOrAddress() throws Exception {
        assertEquals(rows("ana", "SELECT count(*) FROM commerce.sales.orders"), rows("ana", "SELECT count(*) FROM analytics.sales.orders"),
                "the producer's row filter (no urgent orders) holds through the link");
        assertEquals(rows("ana", "SELECT count(*) FROM commerce.sales.lineitem"), rows("ana", "SELECT count(*) FROM analytics.sales.lineitem"));
        for (String hidden : List.of("SELECT c_phone FROM analytics.crm.customer", "SELECT c_address FROM analytics.crm.customer",
                "SELECT o_clerk FROM analytics.sales.orders")) {
            SQLException e = assertThrows(SQLException.class, () -> rows("ana", hidden));
            assertTrue(e.getMessage().contains("COLUMN_NOT_FOUND"), e.getMessage());
        }
        String name = (String) rows("admin", "SELECT c_name FROM analytics.crm.customer WHERE c_custkey = 1").get(0).get(0);
        assertTrue(name.matches("[0-9a-f]{64}"), "the owner is not exempt from hash-names, so neither is admin through the link: " + name);
        SQLException sam = assertThrows(SQLException.class, () -> rows("sam", "SELECT count(*) FROM analytics.crm.customer"));
        assertTrue(sam.getMessage().contains("TABLE_NOT_FOUND"), "no grant on the link: " + sam.getMessage());
    }

    private static List<List<Object>> rows(String user, String sql) throws SQLException {
        try (Connection connection = GATEWAY.connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static int count(String user, String sql) throws SQLException {
        return rows(user, sql).size();
    }

    private static List<String> resultColumns(String user, String sql) throws SQLException {
        try (Connection connection = GATEWAY.connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                names.add(result.getMetaData().getColumnName(c));
            }
            return names;
        }
    }

    private static List<String> columnNames(String user, String catalog, String schema, String table) throws SQLException {
        try (Connection connection = GATEWAY.connect(user)) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet columns = metadata.getColumns(catalog, schema, table, null)) {
                while (columns.next()) {
                    names.add(columns.getString("COLUMN_NAME"));
                }
            }
            return names;
        }
    }
}
