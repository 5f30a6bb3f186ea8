package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.launcher.MeshgateServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types.DateType;
import org.apache.iceberg.types.Types.DecimalType;
import org.apache.iceberg.types.Types.LongType;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.iceberg.types.Types.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays, through {@code jdbc:meshgate:} and a real gateway, the DatabaseMetaData calls a BI tool
 * (DBeaver; Tableau's essentials) makes when it connects and browses a table, and checks each
 * answer against the catalog and policies this test sets up. The user {@code ana} may see the
 * internal tables and columns only: {@code orders.card} and the namespace {@code vault} are
 * confidential, so they must not appear anywhere.
 */
class BiToolReplayIT {
    private static final int BULK_TABLES = 1000;
    private static final String POLICIES = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential], ordered: true}
            assignments:
              - {on: {domain: shop}, tags: {sensitivity: internal}}
              - {on: {schema: shop.vault}, tags: {sensitivity: confidential}}
              - {on: {schema: shop.bulk_secret}, tags: {sensitivity: confidential}}
              - {on: {column: shop.sales.orders.card}, tags: {sensitivity: confidential}}
            principals:
              users:
                - {name: ana, groups: [analysts]}
            grants:
              - id: analysts-internal
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {match: {key: sensitivity, at_most: internal}}
                columns: {match: SAME}
            """;

    @TempDir
    static Path directory;

    private static MeshgateServer server;

    @BeforeAll
    static void start() throws Exception {
        String uri = "jdbc:sqlite:" + directory.resolve("shop.db");
        String warehouse = directory.resolve("warehouse").toUri().toString();
        // Creating two thousand tables is faster without SQLite syncing each commit to disk.
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(new JdbcCatalogSpec(uri + "?synchronous=OFF", Optional.empty(), Optional.empty(), "shop",
                warehouse, S3Options.defaults()))) {
            for (String namespace : List.of("sales", "vault", "bulk_open", "bulk_secret")) {
                catalog.createNamespace(Namespace.of(namespace));
            }
            Schema orders = new Schema(List.of(
                    NestedField.required(1, "id", LongType.get(), "Order number"),
                    NestedField.required(2, "line", LongType.get()),
                    NestedField.optional(3, "region", StringType.get(), "Sales region of the order"),
                    NestedField.optional(4, "amount", DecimalType.of(12, 2)),
                    NestedField.optional(5, "day", DateType.get()),
                    NestedField.optional(6, "card", StringType.get(), "Card number")), Set.of(1, 2));
            catalog.buildTable(TableIdentifier.of("sales", "orders"), orders)
                    .withProperty("meshgate.description", "Every order of the shop, one row per order line").create();
            catalog.buildTable(TableIdentifier.of("sales", "regions"), new Schema(NestedField.optional(1, "name", StringType.get())))
                    .withProperty("comment", "Sales regions").create();
            catalog.createTable(TableIdentifier.of("vault", "keys"), new Schema(NestedField.required(1, "k", StringType.get())));
            Schema bulk = new Schema(NestedField.required(1, "id", LongType.get()));
            for (String namespace : List.of("bulk_open", "bulk_secret")) {
                for (int i = 0; i < BULK_TABLES; i++) {
                    catalog.createTable(TableIdentifier.of(namespace, String.format("t%04d", i)), bulk, PartitionSpec.unpartitioned());
                }
            }
        }
        Path policies = Files.createDirectories(directory.resolve("policies"));
        Files.writeString(policies.resolve("policies.yaml"), POLICIES);
        String yaml = "server: {host: 127.0.0.1, port: 0}\nportal: {port: 0}\n"
                + "auth:\n  users:\n    - {name: ana, password: {plain: ana}, groups: [analysts]}\n"
                + "policies: \"" + policies + "\"\n"
                + "policy-hash-key: \"replay-policy-hash-key-0123456789\"\n"
                + "domains:\n  - name: shop\n    catalog: {type: jdbc, uri: \"" + uri + "\", catalog-name: shop, warehouse: \"" + warehouse + "\"}\n";
        server = MeshgateServer.start(ConfigLoader.parse(yaml, "meshgate.yaml", Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "ana");
        credentials.setProperty("password", "ana");
        return DriverManager.getConnection("jdbc:meshgate://127.0.0.1:" + server.port(), credentials);
    }

    @Test
    void connectAndBrowseAnswersEveryCallABiToolMakes() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            // On connect.
            assertEquals("Meshgate", meta.getDatabaseProductName());
            assertNotNull(meta.getDatabaseProductVersion());
            assertNotNull(meta.getDriverName());
            assertEquals("\"", meta.getIdentifierQuoteString());
            assertNotNull(meta.getSQLKeywords(), "Tableau and DBeaver read the SQL keywords");
            assertEquals("\\", meta.getSearchStringEscape());
            // The navigator: catalogs (domains), schemas, table types, tables.
            assertEquals(List.of(List.of("mesh"), List.of("shop")), rows(meta.getCatalogs(), "TABLE_CAT"));
            assertEquals(List.of(List.of("bulk_open", "shop"), List.of("sales", "shop")),
                    rows(meta.getSchemas("shop", null), "TABLE_SCHEM", "TABLE_CATALOG"));
            assertEquals(List.of(List.of("LINK"), List.of("SYSTEM TABLE"), List.of("TABLE")), rows(meta.getTableTypes(), "TABLE_TYPE"));
            List<List<String>> tables = List.of(List.of("shop", "sales", "orders", "TABLE"), List.of("shop", "sales", "regions", "TABLE"));
            assertEquals(tables, rows(meta.getTables("shop", "sales", null, null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
            assertEquals(tables, rows(meta.getTables("shop", "sales", "%", new String[] {"TABLE"}),
                    "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
            assertEquals(List.of(), rows(meta.getTables("shop", "sales", "%", new String[] {"VIEW"}), "TABLE_NAME"));
            assertEquals(List.of(), rows(meta.getTables("shop", "vault", null, null), "TABLE_NAME"), "a confidential schema is not listed");
            // Browsing orders: columns (card hidden), keys, indexes. Arrow's driver reports DECIMAL_DIGITS 0, not NULL,
            // for a type without a scale such as DATE.
            assertEquals(List.of(
                    List.of("id", "-5", "BIGINT", "19", "0", "0", "NO", "Order number", "1"),
                    List.of("line", "-5", "BIGINT", "19", "0", "0", "NO", "null", "2"),
                    List.of("region", "12", "VARCHAR", String.valueOf(Integer.MAX_VALUE), "null", "1", "YES", "Sales region of the order", "3"),
                    List.of("amount", "3", "DECIMAL", "12", "2", "1", "YES", "null", "4"),
                    List.of("day", "91", "DATE", "10", "0", "1", "YES", "null", "5")),
                    rows(meta.getColumns("shop", "sales", "orders", null),
                            "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "IS_NULLABLE", "REMARKS",
                            "ORDINAL_POSITION"));
            assertEquals(List.of(List.of("shop", "sales", "orders", "id", "1"), List.of("shop", "sales", "orders", "line", "2")),
                    rows(meta.getPrimaryKeys("shop", "sales", "orders"), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ"));
            assertEquals(List.of(), rows(meta.getPrimaryKeys("shop", "sales", "regions"), "COLUMN_NAME"), "regions has no identifier fields");
            assertEquals(List.of(), rows(meta.getPrimaryKeys("shop", "vault", "keys"), "COLUMN_NAME"), "a hidden table has no keys");
            assertEquals(List.of(), rows(meta.getImportedKeys("shop", "sales", "orders"), "PKTABLE_NAME", "FKCOLUMN_NAME"));
            assertEquals(List.of(), rows(meta.getExportedKeys("shop", "sales", "orders"), "PKTABLE_NAME", "FKCOLUMN_NAME"));
            assertEquals(List.of(), rows(meta.getCrossReference("shop", "sales", "orders", "shop", "sales", "regions"), "FKCOLUMN_NAME"));
            assertEquals(List.of(), rows(meta.getIndexInfo("shop", "sales", "orders", false, true), "INDEX_NAME"));
            assertEquals(List.of(), rows(meta.getBestRowIdentifier("shop", "sales", "orders", DatabaseMetaData.bestRowSession, true),
                    "COLUMN_NAME"));
            // Arrow's driver (18.3) does not ask the server for GetXdbcTypeInfo: getTypeInfo is Avatica's empty default,
            // whatever the server lists. If this starts failing, the driver forwards it: check the types it lists then.
            assertEquals(List.of(), rows(meta.getTypeInfo(), "TYPE_NAME", "DATA_TYPE"));
            // The data tab: SELECT * with a limit, and its result set metadata.
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT * FROM shop.sales.orders LIMIT 200")) {
                ResultSetMetaData columns = result.getMetaData();
                List<String> described = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    described.add(columns.getColumnName(i) + ":" + columns.getColumnType(i));
                }
                // Arrow's driver (15.0 to 18.3) lists every column twice for a result that streams no batch
                // (apache/arrow-java#44, fixed upstream by #1135); only the distinct columns are checked here.
                described = described.stream().distinct().toList();
                assertEquals(List.of("id:" + Types.BIGINT, "line:" + Types.BIGINT, "region:" + Types.VARCHAR, "amount:" + Types.DECIMAL,
                        "day:" + Types.DATE), described);
                assertFalse(result.next(), "orders is empty");
            }
        }
    }

    @Test
    void tableNamePatternsWithEscapesAreMatchedByTheServer() throws SQLException {
        try (Connection connection = connect()) {
            assertEquals(List.of(List.of("bulk_open")), rows(connection.getMetaData().getSchemas("shop", "bulk\\_o%"), "TABLE_SCHEM"));
            List<List<String>> t099x = IntStream.range(990, 1000).mapToObj(i -> List.of("t0" + i)).toList();
            assertEquals(t099x, rows(connection.getMetaData().getTables("shop", "bulk%", "t099_", null), "TABLE_NAME"));
            assertEquals(List.of(), rows(connection.getMetaData().getTables("shop", "bulk%", "t099\\_", null), "TABLE_NAME"),
                    "an escaped _ is a literal underscore, which no table name has");
        }
    }

    @Test
    void listsThousandsOfTablesOnlyThoseVisible() throws SQLException {
        try (Connection connection = connect()) {
            List<List<String>> tables = rows(connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"}), "TABLE_SCHEM", "TABLE_NAME");
            List<List<String>> expected = new ArrayList<>();
            IntStream.range(0, BULK_TABLES).forEach(i -> expected.add(List.of("bulk_open", String.format("t%04d", i))));
            expected.add(List.of("sales", "orders"));
            expected.add(List.of("sales", "regions"));
            assertEquals(expected, tables);
        }
    }

    /** The named columns of every row, as text ({@code "null"} for NULL). */
    private static List<List<String>> rows(ResultSet result, String... columns) throws SQLException {
        try (result) {
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(String.valueOf(result.getString(column)));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
