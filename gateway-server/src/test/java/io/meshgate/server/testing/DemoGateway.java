package io.meshgate.server.testing;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.launcher.MeshgateServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real gateway serving the demo mesh (its generated configuration, users and policies) on a free
 * local port, and its web portal on another, for the end-to-end tests of a class: generated and started before its first test,
 * stopped and deleted after its last. Register it with
 * {@code @RegisterExtension static final DemoGateway GATEWAY = new DemoGateway(0.01);}.
 */
public final class DemoGateway implements BeforeAllCallback, AfterAllCallback {
    private final double scale;
    private final UnaryOperator<MeshgateConfig> adjust;
    private Path data;
    private MeshgateServer server;

    /** The demo mesh at {@code scale}, served as the demo serves it. */
    public DemoGateway(double scale) {
        this(scale, UnaryOperator.identity());
    }

    /** The demo mesh at {@code scale}, served with {@code adjust} applied to its configuration. */
    public DemoGateway(double scale, UnaryOperator<MeshgateConfig> adjust) {
        this.scale = scale;
        this.adjust = adjust;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("meshgate-demo-");
        Path yaml = DemoMesh.ensure(data, scale, new PrintStream(OutputStream.nullOutputStream()));
        server = MeshgateServer.start(adjust.apply(ConfigLoader.load(yaml, Map.of("MESHGATE_PORTAL_PORT", "0")).withServer(new ServerConfig("127.0.0.1", 0))));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (data != null) {
                TempFolders.delete(data);
            }
        }
    }

    public MeshgateServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /**
     * A connection through Arrow's Flight SQL JDBC driver as the demo user {@code user} (whose
     * password is its name), with {@code extra} connection properties.
     */
    public Connection connect(String user, Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("user", user);
        properties.setProperty("password", user);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + port() + "?useEncryption=false", properties);
    }

    /** A connection through Arrow's Flight SQL JDBC driver as the demo user {@code user}. */
    public Connection connect(String user) throws SQLException {
        return connect(user, new Properties());
    }

    /** The port the demo's web portal listens on (also a free one). */
    public int portalPort() {
        return server.portalPort().orElseThrow();
    }

    /** The folder the demo mesh was generated in. */
    public Path data() {
        return data;
    }
}
