package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.config.TlsConfig;
import io.meshgate.server.launcher.MeshgateServer;
import io.meshgate.server.testing.SelfSignedCertificate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code jdbc:meshgate:} driver against a real gateway serving the demo mesh. */
class MeshgateDriverIT {
    @TempDir
    static Path data;

    private static MeshgateServer server;
    /** The same mesh over TLS, with a self-signed certificate. */
    private static MeshgateServer tlsServer;
    private static SelfSignedCertificate certificate;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = DemoMesh.ensure(data, 0.001, new PrintStream(OutputStream.nullOutputStream()));
        MeshgateConfig config = ConfigLoader.load(yaml, Map.of("MESHGATE_PORTAL_PORT", "0"));
        server = MeshgateServer.start(config.withServer(new ServerConfig("127.0.0.1", 0)));
        certificate = SelfSignedCertificate.create(data, "gateway");
        tlsServer = MeshgateServer.start(config.withServer(new ServerConfig("127.0.0.1", 0,
                Optional.of(new TlsConfig(certificate.certificate(), certificate.privateKey())))));
    }

    @AfterAll
    static void stop() {
        if (tlsServer != null) {
            tlsServer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void getObjectOnAZonedTimestampIsAnOffsetDateTime() throws SQLException {
        try (Connection connection = connect("admin"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(TIMESTAMP '2024-02-29 23:30:00' AS TIMESTAMP WITH LOCAL TIME ZONE) AS at,"
                        + " TIMESTAMP '2024-02-29 23:30:00' AS plain")) {
            assertTrue(rows.next());
            OffsetDateTime expected = OffsetDateTime.of(2024, 2, 29, 23, 30, 0, 0, ZoneOffset.UTC);
            assertEquals(expected, rows.getObject(1));
            assertEquals(expected, rows.getObject("at"));
            assertEquals(LocalDateTime.of(2024, 2, 29, 23, 30), rows.getTimestamp("plain").toLocalDateTime());
            assertFalse(rows.getObject("plain") instanceof OffsetDateTime);
        }
    }

    @Test
    void tlsConnectionTrustingTheGatewaysCertificateQueries() throws SQLException {
        String url = "jdbc:meshgate://localhost:" + tlsServer.port() + "?tls=true&tlsRootCert=" + certificate.certificate();
        try (Connection connection = DriverManager.getConnection(url, admin());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer.crm.region")) {
            assertTrue(rows.next());
            assertEquals(5, rows.getLong(1));
        }
    }

    @Test
    void tlsConnectionThatDoesNotTrustTheCertificateFails() {
        String url = "jdbc:meshgate://localhost:" + tlsServer.port() + "?tls=true";
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, admin()).close());
    }

    @Test
    void plainConnectionToATlsGatewayFails() {
        String url = "jdbc:meshgate://localhost:" + tlsServer.port();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, admin()).close());
    }

    private static Properties admin() {
        Properties credentials = new Properties();
        credentials.setProperty("user", "admin");
        credentials.setProperty("password", "admin");
        return credentials;
    }

    private static Connection connect(String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "admin");
        credentials.setProperty("password", password);
        return DriverManager.getConnection("jdbc:meshgate://127.0.0.1:" + server.port(), credentials);
    }

    @Test
    void queriesAndListsTheMeshThroughAMeshgateUrl() throws SQLException {
        try (Connection connection = connect("admin")) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer.crm.nation")) {
                assertTrue(rows.next());
                assertEquals(25, rows.getLong(1));
            }
            List<String> catalogs = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getCatalogs()) {
                while (rows.next()) {
                    catalogs.add(rows.getString(1));
                }
            }
            assertEquals(List.of("analytics", "commerce", "customer", "mesh", "supply"), catalogs);
        }
    }

    @Test
    void wrongPasswordIsRefusedWithTheErrorCode() {
        SQLException e = assertThrows(SQLException.class, () -> connect("wrong").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("[AUTHENTICATION_FAILED] SQLSTATE 28000"), messages.toString());
    }
}
