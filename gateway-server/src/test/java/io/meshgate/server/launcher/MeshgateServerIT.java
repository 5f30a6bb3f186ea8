package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end: the demo mesh at scale 0.01, the whole server on a free port, and Arrow's Flight SQL
 * JDBC driver as the client.
 */
class MeshgateServerIT {
    private static final String TOP_CUSTOMERS = """
            SELECT c_name, sum(o_totalprice) FROM customer.crm.customer JOIN commerce.sales.orders ON
            o_custkey = c_custkey GROUP BY c_name ORDER BY 2 DESC LIMIT 5""";

    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.01);

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + GATEWAY.port() + "?useEncryption=false", properties);
    }

    @Test
    void crossDomainJoinReturnsTheTopFiveCustomersInDescendingOrder() throws SQLException {
        try (Connection connection = connect("admin", "admin");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(TOP_CUSTOMERS)) {
            List<BigDecimal> totals = new ArrayList<>();
            while (rows.next()) {
                assertTrue(rows.getString(1).startsWith("Customer#"), rows.getString(1));
                totals.add(rows.getBigDecimal(2));
            }
            assertEquals(5, totals.size());
            for (int i = 1; i < totals.size(); i++) {
                assertTrue(totals.get(i - 1).compareTo(totals.get(i)) >= 0, "descending: " + totals);
            }
        }
    }

    @Test
    void singleTableQueryReturnsAllRowsOfTheDomain() throws SQLException {
        try (Connection connection = connect("admin", "admin");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), min(n_name) FROM customer.crm.nation")) {
            assertTrue(rows.next());
            assertEquals(25, rows.getLong(1));
            assertEquals("ALGERIA", rows.getString(2));
            assertFalse(rows.next());
        }
    }

    @Test
    void databaseMetadataListsTheMesh() throws SQLException {
        try (Connection connection = connect("admin", "admin")) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertEquals(List.of("analytics", "commerce", "customer", "mesh", "supply"), column(metadata.getCatalogs(), "TABLE_CAT"));
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = metadata.getSchemas()) {
                while (rows.next()) {
                    schemas.add(rows.getString("TABLE_CATALOG") + "." + rows.getString("TABLE_SCHEM"));
                }
            }
            assertEquals(List.of("analytics.crm", "analytics.sales", "commerce.sales", "customer.crm", "mesh.meta", "supply.inventory"), schemas);
            assertEquals(List.of("lineitem", "orders"), column(metadata.getTables("commerce", "sales", "%", null), "TABLE_NAME"));
            assertEquals(List.of("customer", "nation", "region"), column(metadata.getTables("customer", null, null, null), "TABLE_NAME"));
            List<String> columns = column(metadata.getColumns("commerce", "sales", "orders", "o_%"), "COLUMN_NAME");
            assertEquals("o_orderkey", columns.get(0));
            assertTrue(columns.contains("o_totalprice"), columns.toString());
        }
    }

    @Test
    void unknownTableNamesTheTableWithCodeAndSqlState() {
        String message = failure("SELECT * FROM commerce.sales.nope");
        assertTrue(message.contains("[TABLE_NOT_FOUND] SQLSTATE 42P01: line 1:15: Table 'commerce.sales.nope' does not exist"), message);
    }

    @Test
    void syntaxErrorGivesLineAndColumn() {
        String message = failure("SELECT *\nFORM commerce.sales.orders");
        assertTrue(message.contains("[SYNTAX_ERROR] SQLSTATE 42601: line 2:"), message);
    }

    @Test
    void typeErrorIsAUserError() {
        String message = failure("SELECT sum(o_comment) FROM commerce.sales.orders");
        assertTrue(message.contains("[TYPE_MISMATCH] SQLSTATE 42804: line 1:8: "), message);
    }

    @Test
    void wrongPasswordIsRefusedWithOneMessage() {
        SQLException e = assertThrows(SQLException.class, () -> connect("admin", "wrong").close());
        String message = fullMessage(e);
        assertTrue(message.contains("[AUTHENTICATION_FAILED] SQLSTATE 28000: Invalid user name or password"), message);
        assertNoStackTrace(message);
    }

    private static String failure(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection connection = connect("admin", "admin");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
            }
        });
        String message = fullMessage(e);
        assertNoStackTrace(message);
        return message;
    }

    private static String fullMessage(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append('\n');
        }
        return message.toString();
    }

    private static void assertNoStackTrace(String message) {
        assertFalse(message.contains("\tat "), message);
        assertFalse(message.contains("Exception:") && message.contains("io.meshgate."), message);
    }

    private static List<String> column(ResultSet rows, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(name));
            }
        }
        return values;
    }
}
