package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Errors as a JDBC program sees them through {@code jdbc:meshgate:}: the server's code, SQLSTATE,
 * position and advice in the message, the SQLSTATE in {@link SQLException#getSQLState()}, the
 * JDBC subclass of its class, and the same text Arrow's own driver shows.
 */
class ClientErrorsIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.001);

    private static Connection connect(String scheme, String user, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        String options = scheme.equals("arrow-flight-sql") ? "?useEncryption=false" : "";
        return DriverManager.getConnection("jdbc:" + scheme + "://127.0.0.1:" + GATEWAY.port() + options, credentials);
    }

    private static SQLException failure(String scheme, String sql) throws SQLException {
        try (Connection connection = connect(scheme, "admin", "admin"); Statement statement = connection.createStatement()) {
            return assertThrows(SQLException.class, () -> {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
            });
        }
    }

    @Test
    void unknownColumnHasCodeStatePositionAndSubclass() throws SQLException {
        SQLException error = failure("meshgate", "SELECT o_nope FROM commerce.sales.orders");
        assertInstanceOf(SQLSyntaxErrorException.class, error);
        assertEquals("42703", error.getSQLState());
        assertTrue(error.getMessage().contains("[COLUMN_NOT_FOUND] SQLSTATE 42703: line 1:8: Column 'o_nope' not found"), error.getMessage());
    }

    @Test
    void errorWhileReadingRowsHasItsStateToo() throws SQLException {
        SQLException error = failure("meshgate", "SELECT o_orderkey / (o_orderkey - 1) FROM commerce.sales.orders");
        assertInstanceOf(SQLDataException.class, error);
        assertEquals("22012", error.getSQLState());
        assertTrue(error.getMessage().contains("[DIVISION_BY_ZERO] SQLSTATE 22012: Division by zero"), error.getMessage());
    }

    @Test
    void preparedStatementErrorsHaveTheirState() throws SQLException {
        try (Connection connection = connect("meshgate", "admin", "admin")) {
            SQLException error = assertThrows(SQLException.class, () -> connection.prepareStatement("SELECT *\nFROM commerce.sales.nope"));
            assertEquals("42P01", error.getSQLState(), error.getMessage());
            assertTrue(error.getMessage().contains("[TABLE_NOT_FOUND] SQLSTATE 42P01: line 2:6:"), error.getMessage());
        }
    }

    @Test
    void wrongPasswordIsAnAuthorizationError() {
        SQLException error = assertThrows(SQLException.class, () -> connect("meshgate", "admin", "wrong").close());
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, error);
        assertEquals("28000", error.getSQLState());
        assertTrue(error.getMessage().contains("Invalid user name or password"), error.getMessage());
    }

    @Test
    void bothDriversShowTheServersText() throws SQLException {
        for (String sql : new String[] {"SELECT o_nope FROM commerce.sales.orders", "SELECT FROM WHERE"}) {
            String meshgate = failure("meshgate", sql).getMessage();
            String arrow = failure("arrow-flight-sql", sql).getMessage();
            assertEquals(arrow, meshgate);
        }
    }

    @Test
    void objectsHandedOutLeadBackToTheirConnection() throws SQLException {
        try (Connection connection = connect("meshgate", "admin", "admin");
                PreparedStatement statement = connection.prepareStatement("SELECT n_name FROM customer.crm.nation");
                ResultSet rows = statement.executeQuery()) {
            assertSame(connection, statement.getConnection());
            assertSame(connection, rows.getStatement().getConnection());
            assertSame(connection, connection.getMetaData().getConnection());
            assertTrue(connection.isWrapperFor(Connection.class));
            assertTrue(rows.next());
        }
    }
}
