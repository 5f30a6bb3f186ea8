package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.config.TlsConfig;
import io.meshgate.server.testing.SelfSignedCertificate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over TLS from PEM files (the JDK's TLS engine, no netty-tcnative), reached with
 * Arrow's Flight SQL JDBC driver trusting the server's self-signed certificate; a plain
 * connection and a connection that does not trust the certificate both fail.
 */
class TlsIT {
    @TempDir
    static Path data;

    private static MeshgateServer server;
    private static SelfSignedCertificate certificate;
    private static SelfSignedCertificate stranger;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = DemoMesh.ensure(data, 0.01, new PrintStream(OutputStream.nullOutputStream()));
        certificate = SelfSignedCertificate.create(data, "server");
        stranger = SelfSignedCertificate.create(data, "stranger");
        MeshgateConfig config = ConfigLoader.load(yaml, Map.of("MESHGATE_PORTAL_PORT", "0"));
        server = MeshgateServer.start(config.withServer(new ServerConfig("127.0.0.1", 0,
                Optional.of(new TlsConfig(certificate.certificate(), certificate.privateKey())))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientTrustingTheCertificateQueriesOverTls() throws SQLException {
        try (Connection connection = connect("localhost", "useEncryption=true&tlsRootCerts=" + certificate.certificate());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer.crm.nation")) {
            assertTrue(rows.next());
            assertEquals(25, rows.getLong(1));
        }
    }

    @Test
    void certificateNamesTheAddressToo() throws SQLException {
        try (Connection connection = connect("127.0.0.1", "useEncryption=true&tlsRootCerts=" + certificate.certificate());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer.crm.region")) {
            assertTrue(rows.next());
            assertEquals(5, rows.getLong(1));
        }
    }

    @Test
    void plainConnectionToTheTlsPortFails() {
        SQLException e = assertThrows(SQLException.class, () -> connect("localhost", "useEncryption=false").close());
        String message = QueryCancellationIT.fullMessage(e);
        assertTrue(message.contains("UNAVAILABLE"), message);
    }

    @Test
    void clientThatDoesNotTrustTheCertificateFails() {
        SQLException system = assertThrows(SQLException.class, () -> connect("localhost", "useEncryption=true").close());
        assertTrue(QueryCancellationIT.fullMessage(system).contains("UNAVAILABLE"), QueryCancellationIT.fullMessage(system));
        SQLException other = assertThrows(SQLException.class,
                () -> connect("localhost", "useEncryption=true&tlsRootCerts=" + stranger.certificate()).close());
        assertTrue(QueryCancellationIT.fullMessage(other).contains("UNAVAILABLE"), QueryCancellationIT.fullMessage(other));
    }

    private static Connection connect(String host, String parameters) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "admin");
        properties.setProperty("password", "admin");
        return DriverManager.getConnection("jdbc:arrow-flight-sql://" + host + ":" + server.port() + "?" + parameters, properties);
    }
}
