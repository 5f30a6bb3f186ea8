package io.meshgate.server.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.benchmarks.tpch.TpchQueries;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.launcher.MeshgateServer;
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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries over the demo mesh at scale 0.01, sent through Arrow's Flight SQL JDBC
 * driver to a real server, each answer compared with DuckDB's on rows loaded straight from the
 * same generator.
 */
class TpchEndToEndIT {
    private static final double SCALE = 0.01;

    @TempDir
    static Path data;

    private static MeshgateServer server;
    private static Connection gateway;
    private static TpchReference reference;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = DemoMesh.ensure(data, SCALE, new PrintStream(OutputStream.nullOutputStream()));
        MeshgateConfig config = ConfigLoader.load(yaml, Map.of("MESHGATE_PORTAL_PORT", "0"));
        server = MeshgateServer.start(config.withServer(new ServerConfig("127.0.0.1", 0)));
        Properties credentials = new Properties();
        credentials.setProperty("user", "admin");
        credentials.setProperty("password", "admin");
        gateway = DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", credentials);
        reference = TpchReference.load(SCALE);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    static Stream<Integer> queries() {
        return IntStream.rangeClosed(1, 22).boxed();
    }

    @ParameterizedTest(name = "TPC-H Q{0}")
    @MethodSource("queries")
    void answersAsTheReferenceEngineDoes(int query) throws SQLException {
        String sql = TpchQueries.text(query);
        ResultRows expected = run(reference.connection(), sql);
        ResultRows actual = run(gateway, sql);
        assertFalse(expected.rows().isEmpty(),
                "the reference returned no rows for Q" + query + ": the comparison would prove nothing");
        assertNull(actual.firstDifference(expected), "Q" + query);
    }

    private static ResultRows run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return ResultRows.read(rows);
        }
    }
}
