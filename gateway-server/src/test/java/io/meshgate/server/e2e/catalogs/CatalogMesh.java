package io.meshgate.server.e2e.catalogs;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.iceberg.SampleOrders;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.launcher.MeshgateServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * A gateway serving domains bound to different kinds of catalog, started from {@code meshgate.yaml}
 * text as the launcher would, and queried as {@code admin} through Arrow's Flight SQL JDBC driver.
 */
final class CatalogMesh implements AutoCloseable {
    /** Orders in {@link #jdbcCommerceDomain}'s {@code commerce.sales.orders}: customers 1 to 7 ({@link SampleOrders#custkey}). */
    static final int ORDER_COUNT = 200;

    private final MeshgateServer server;

    private CatalogMesh(MeshgateServer server) {
        this.server = server;
    }

    /** Starts a server whose {@code domains:} list is {@code domainsYaml}, with {@code environment} as the MESHGATE_* overrides. */
    static CatalogMesh start(String domainsYaml, Map<String, String> environment) throws IOException {
        String yaml = """
                server: {host: 127.0.0.1, port: 0}
                portal: {port: 0}
                auth:
                  users:
                    - {name: admin, password: {plain: admin}}
                domains:
                """ + domainsYaml;
        return new CatalogMesh(MeshgateServer.start(ConfigLoader.parse(yaml, "meshgate.yaml", environment)));
    }

    /**
     * Writes domain {@code commerce}'s Iceberg JDBC catalog (SQLite) in {@code directory} with
     * {@code sales.orders} of {@link SampleOrders}, and returns its {@code domains:} entry.
     */
    static String jdbcCommerceDomain(Path directory) throws IOException {
        String uri = "jdbc:sqlite:" + directory.resolve("commerce.db").toAbsolutePath();
        String warehouse = Files.createDirectories(directory.resolve("commerce-warehouse")).toUri().toString();
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(new JdbcCatalogSpec(uri, Optional.empty(), Optional.empty(), "commerce",
                warehouse, S3Options.defaults()))) {
            SampleOrders.create(catalog, TableIdentifier.of(Namespace.of("sales"), "orders"), ORDER_COUNT);
        }
        return "  - name: commerce\n    catalog: {type: jdbc, uri: \"" + uri + "\", warehouse: \"" + warehouse + "\"}\n";
    }

    /** The rows of {@code sql} as admin, each cell as {@link ResultSet#getObject}. */
    List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The tables a Flight SQL client lists in {@code catalog} (a domain), as {@code schema.table}. */
    List<String> tables(String catalog) throws SQLException {
        try (Connection connection = connect(); ResultSet result = connection.getMetaData().getTables(catalog, null, null, null)) {
            List<String> tables = new ArrayList<>();
            while (result.next()) {
                tables.add(result.getString("TABLE_SCHEM") + "." + result.getString("TABLE_NAME"));
            }
            return tables;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "admin");
        properties.setProperty("password", "admin");
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", properties);
    }

    @Override
    public void close() {
        server.close();
    }
}
