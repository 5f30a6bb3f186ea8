package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A query on a deprecated data product (the demo's {@code supply.inventory.partsupp}) through
 * {@code jdbc:meshgate:}: it answers, and the gateway's warning is an {@link SQLWarning} of the
 * statement and of the result set; a product past its sunset fails with SQLSTATE 55000.
 */
class ProductWarningsIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.001);

    private static final String DEPRECATED = "SELECT count(*) FROM supply.inventory.partsupp";
    private static final String ACTIVE = "SELECT count(*) FROM supply.inventory.part";
    private static final String WARNING = "Product supply.inventory.partsupp is deprecated: it answers until its sunset on "
            + LocalDate.now(ZoneOffset.UTC).plusYears(1) + ", then queries on it fail (ask supply-team@example.com what replaces it)";

    private static Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "ana");
        credentials.setProperty("password", "ana");
        return DriverManager.getConnection("jdbc:meshgate://127.0.0.1:" + GATEWAY.port(), credentials);
    }

    private static void assertWarning(SQLWarning warning) {
        assertEquals(WARNING, warning.getMessage());
        assertEquals("01000", warning.getSQLState());
        assertNull(warning.getNextWarning(), "one warning per deprecated product");
    }

    @Test
    void statementAndResultSetCarryTheWarningAndTheRowsStillCome() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(DEPRECATED)) {
            assertWarning(statement.getWarnings());
            assertWarning(rows.getWarnings());
            assertTrue(rows.next());
            assertEquals(800, rows.getLong(1));
        }
    }

    @Test
    void preparedStatementsCarryItOnEveryRun() throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT ps_availqty FROM supply.inventory.partsupp WHERE ps_partkey = ? ORDER BY ps_suppkey")) {
            for (long part = 1; part <= 2; part++) {
                statement.setLong(1, part);
                try (ResultSet rows = statement.executeQuery()) {
                    assertWarning(statement.getWarnings());
                    assertWarning(rows.getWarnings());
                }
            }
        }
    }

    @Test
    void executeThenGetResultSetCarriesItToo() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertTrue(statement.execute(DEPRECATED));
            assertWarning(statement.getWarnings());
            try (ResultSet rows = statement.getResultSet()) {
                assertWarning(rows.getWarnings());
            }
        }
    }

    @Test
    void runningAgainOrClearingTheWarningsClearsThem() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery(DEPRECATED).close();
            assertWarning(statement.getWarnings());
            try (ResultSet rows = statement.executeQuery(ACTIVE)) {
                assertNull(statement.getWarnings(), "the chain is cleared each time the statement runs");
                assertNull(rows.getWarnings());
            }
            try (ResultSet rows = statement.executeQuery(DEPRECATED)) {
                statement.clearWarnings();
                assertNull(statement.getWarnings());
                assertWarning(rows.getWarnings());
                rows.clearWarnings();
                assertNull(rows.getWarnings());
            }
        }
    }

    @Test
    void aProductPastItsSunsetFailsWithItsSqlState() throws Exception {
        Path file = GATEWAY.data().resolve("products").resolve("lifecycle.yaml");
        String original = Files.readString(file);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        try (Connection connection = connect(); PreparedStatement before = connection.prepareStatement(DEPRECATED)) {
            before.executeQuery().close();
            Files.writeString(file, original.replaceFirst("sunset: \\S+", "sunset: " + yesterday));
            SQLException retired = awaitFailure(DEPRECATED);
            assertEquals("55000", retired.getSQLState());
            assertTrue(retired.getMessage().contains("[PRODUCT_RETIRED] SQLSTATE 55000: Cannot query supply.inventory.partsupp: the product was"
                    + " retired after its sunset on " + yesterday + " (ask supply-team@example.com what replaces it)"), retired.getMessage());
            SQLException preparedBefore = assertThrows(SQLException.class, () -> before.executeQuery().close(),
                    "a statement prepared before the sunset fails too");
            assertEquals("55000", preparedBefore.getSQLState());
        } finally {
            Files.writeString(file, original);
        }
        awaitAnswer(DEPRECATED);
    }

    /** The failure of {@code sql} once the gateway's poll of the product files (every 2 s) has seen the change. */
    private static SQLException awaitFailure(String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.executeQuery(sql).close();
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("still answering after 20 s: " + sql);
    }

    /** Waits until {@code sql} answers again, so that the tests after this one see the demo's own product files. */
    private static void awaitAnswer(String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.executeQuery(sql).close();
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
