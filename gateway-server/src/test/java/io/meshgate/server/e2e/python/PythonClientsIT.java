package io.meshgate.server.e2e.python;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.connector.iceberg.AllTypesTable;
import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.DomainConfig;
import io.meshgate.server.config.DomainSource;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.launcher.MeshgateServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python examples' pytest suite ({@code examples/python/tests}: ADBC, pyarrow.flight, pandas
 * and the notebook) against a real gateway serving the demo mesh and a domain holding every Iceberg
 * type, with the pinned client packages
 * installed from PyPI into {@code target/python-venv}. Every test must pass and none may skip.
 */
class PythonClientsIT {
    @TempDir
    static Path data;

    @Test
    void pythonExamplesPassAgainstTheDemoMesh() throws Exception {
        Path examples = examplesFolder();
        Path target = Path.of("target").toAbsolutePath();
        PythonEnvironment python = PythonEnvironment.ensure(target.resolve("python-venv"), examples.resolve("requirements.txt"));
        Path yaml = DemoMesh.ensure(data.resolve("demo"), 0.01, new PrintStream(OutputStream.nullOutputStream()));
        MeshgateConfig demo = ConfigLoader.load(yaml, Map.of());
        List<DomainConfig> domains = new ArrayList<>(demo.domains());
        domains.add(allTypesDomain());
        MeshgateConfig config = new MeshgateConfig(new ServerConfig("127.0.0.1", 0), demo.portal().withPort(0), demo.auth(), demo.query(),
                demo.governance(), demo.contracts(), domains, demo.links(), demo.products());
        try (MeshgateServer server = MeshgateServer.start(config)) {
            String output = PythonEnvironment.run(
                    List.of(python.python(), "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests"), examples,
                    Map.of("MESHGATE_URI", "grpc://127.0.0.1:" + server.port(), "MESHGATE_USER", "admin", "MESHGATE_PASSWORD", "admin",
                            "MESHGATE_TYPES_TABLE", "lab.types." + AllTypesTable.TABLE),
                    target.resolve("python-tests.log"), "The Python client tests failed");
            assertTrue(output.contains(" passed"), output);
            assertFalse(output.contains("skipped"), "no Python test may be skipped here:\n" + output);
        }
    }

    /** A domain {@code lab} whose schema {@code types} holds {@link AllTypesTable}, beside the demo's. */
    private static DomainConfig allTypesDomain() throws Exception {
        Path warehouse = Files.createDirectories(data.resolve("lab"));
        JdbcCatalogSpec spec = new JdbcCatalogSpec("jdbc:sqlite:" + data.resolve("lab.db").toAbsolutePath(), Optional.empty(),
                Optional.empty(), "lab", warehouse.toAbsolutePath().toUri().toString(), S3Options.defaults());
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(spec)) {
            AllTypesTable.create(catalog, Namespace.of("types"));
        }
        return new DomainConfig("lab", new DomainSource.IcebergSource(spec), List.of());
    }

    /** examples/python in the checkout, found from the module folder Maven runs the test in. */
    private static Path examplesFolder() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path examples = folder.resolve("examples").resolve("python");
            if (Files.isRegularFile(examples.resolve("requirements.txt"))) {
                return examples;
            }
        }
        throw new AssertionError("Cannot find examples/python/requirements.txt above " + Path.of("").toAbsolutePath());
    }
}
