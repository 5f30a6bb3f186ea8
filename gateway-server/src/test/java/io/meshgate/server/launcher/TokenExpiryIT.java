package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.ServerConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer tokens with a two-second lifetime, seen through Arrow's Flight SQL JDBC driver: the
 * driver logs in once per connection and does not log in again when its token expires, so a
 * connection outliving its token fails with a message that says why, and a new connection works.
 */
class TokenExpiryIT {
    @TempDir
    static Path data;

    private static MeshgateServer server;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = DemoMesh.ensure(data, 0.001, new PrintStream(OutputStream.nullOutputStream()));
        server = MeshgateServer.start(ConfigLoader.load(yaml, Map.of("MESHGATE_AUTH_TOKEN_TTL_SECONDS", "2", "MESHGATE_PORTAL_PORT", "0"))
                .withServer(new ServerConfig("127.0.0.1", 0)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void connectionOutlivingItsTokenFailsSayingSoAndANewConnectionWorks() throws Exception {
        try (Connection connection = connect()) {
            assertEquals(25, nations(connection));
            Thread.sleep(2_500);
            SQLException e = assertThrows(SQLException.class, () -> nations(connection));
            String message = QueryCancellationIT.fullMessage(e);
            assertTrue(message.contains("[AUTHENTICATION_FAILED] SQLSTATE 28000: Bearer token expired: log in again"), message);
        }
        try (Connection connection = connect()) {
            assertEquals(25, nations(connection));
        }
    }

    private static long nations(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer.crm.nation")) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "admin");
        properties.setProperty("password", "admin");
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", properties);
    }
}
