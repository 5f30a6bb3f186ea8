package io.meshgate.server.e2e;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.IcebergTestTables;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.launcher.MeshgateServer;
import io.meshgate.server.testing.TempFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * POLICY.md section 7's world served by a real Meshgate server: domain {@code shop} with
 * {@code shop.sales.orders(id, region, email, card, amount, day, notes, address struct<city, zip>)}
 * holding four rows (1 EU, 2 US, 3 EU, 4 APAC; partitioned by region), a restricted domain
 * {@code vault} with {@code vault.keys.secrets}, the section's grants and restrictions, and users
 * whose password is their name. Policy files can be rewritten while the server runs.
 */
final class GovernedShop implements AutoCloseable {
    static final String ORDERS = "shop.sales.orders";
    static final String HASH_KEY = "e2e-policy-hash-key-0123456789";
    /** Row 1's card; row 3's card ends with the same four digits, so their masks are equal. */
    static final String CARD_1 = "4111111111111111";
    static final String CARD_3 = "4000000000001111";
    static final String EMAIL_1 = "ann@example.com";
    static final String SECRET = "vault-secret-value";
    static final List<String> USERS = List.of("ana_eu", "ana_us_ops", "ana_none", "fred", "gov", "nobody", "carl", "late", "rita");
    private static final Pattern CODE = Pattern.compile("\\[([A-Z_]+)] SQLSTATE ([0-9A-Z]{5})");

    static final Schema ORDERS_SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "region", Types.StringType.get()),
            Types.NestedField.optional(3, "email", Types.StringType.get()),
            Types.NestedField.optional(4, "card", Types.StringType.get()),
            Types.NestedField.optional(5, "amount", Types.IntegerType.get()),
            Types.NestedField.optional(6, "day", Types.DateType.get()),
            Types.NestedField.optional(7, "notes", Types.StringType.get()),
            Types.NestedField.optional(8, "address", Types.StructType.of(
                    Types.NestedField.optional(9, "city", Types.StringType.get()),
                    Types.NestedField.optional(10, "zip", Types.StringType.get()))));

    static final String TAGS = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential, restricted], ordered: true}
              - {key: pii, values: [email, card]}
            assignments:
              - {on: {domain: shop}, tags: {sensitivity: internal}}
              - {on: {domain: vault}, tags: {sensitivity: restricted}}
              - {on: {column: shop.sales.orders.email}, tags: {pii: email, sensitivity: confidential}}
              - {on: {column: shop.sales.orders.card}, tags: {pii: card, sensitivity: confidential}}
              - {on: {column: shop.sales.orders.notes}, tags: {sensitivity: confidential}}
              - {on: {column: shop.sales.orders.address}, tags: {sensitivity: confidential}}
            """;

    static final String PRINCIPALS = """
            principals:
              attributes: {region: {type: varchar}}
              users:
                - {name: ana_eu, groups: [analysts], attributes: {region: EU}}
                - {name: ana_us_ops, groups: [analysts, ops], attributes: {region: US}}
                - {name: ana_none, groups: [analysts]}
                - {name: fred, groups: [fraud]}
                - {name: gov, groups: [governance, cleared, privacy]}
                - {name: nobody}
                - {name: carl, groups: [conflicted]}
                - {name: late, groups: [latecomers]}
                - {name: rita, groups: [reloaders]}
            """;

    static final String GRANTS = """
            grants:
              - id: governance-all
                to: {groups: [governance]}
                permissions: [SELECT, DESCRIBE, METADATA_READ]
                on: {all: true}
                columns: {all: true}
              - id: analysts-internal
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {match: {key: sensitivity, at_most: internal}}
                columns: {match: SAME}
                rows: "region = :principal.region"
              - id: ops-eu
                to: {groups: [ops]}
                permissions: [SELECT]
                on: {table: shop.sales.orders}
                columns: {include: [id, email]}
                rows: "region = 'EU'"
              - id: fraud-orders
                to: {groups: [fraud]}
                permissions: [SELECT]
                on: {table: shop.sales.orders}
                columns: {exclude: [notes]}
                masks:
                  - {columns: [card], mask: {fn: SHOW_LAST_N, n: 4}}
                  - {columns: [address], mask: {fn: NULLIFY}}
            """;

    static final String RESTRICTIONS = """
            restrictions:
              - id: hide-apac
                kind: ROW_FILTER
                to: {all: true}
                except: {groups: [cleared]}
                on: {table: shop.sales.orders}
                rows: "region <> 'APAC'"
              - id: hash-emails
                kind: COLUMN_MASK
                to: {all: true}
                except: {groups: [privacy]}
                columns: {match: {key: pii, in: [email]}}
                mask: {fn: HASH}
            """;

    /**
     * What a test class adds to the shop: users (name to groups) logging in with their name as
     * password, policy files (name to text) written with the shop's, and YAML appended to
     * {@code meshgate.yaml} (such as a {@code links:} section).
     */
    record Additions(Map<String, List<String>> users, Map<String, String> policyFiles, String config) {
        static final Additions NONE = new Additions(Map.of(), Map.of(), "");
    }

    final Path directory;
    final Path policies;
    final Path auditFile;
    final MeshgateServer server;

    private GovernedShop(Path directory, Path policies, Path auditFile, MeshgateServer server) {
        this.directory = directory;
        this.policies = policies;
        this.auditFile = auditFile;
        this.server = server;
    }

    /**
     * The shop served for the tests of one class: written and started before its first test,
     * closed and deleted after its last. Register it with {@code @RegisterExtension}.
     */
    static final class Fixture implements BeforeAllCallback, AfterAllCallback {
        private final Additions additions;
        private Path directory;
        private GovernedShop shop;

        Fixture() {
            this(Additions.NONE);
        }

        Fixture(Additions additions) {
            this.additions = additions;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            directory = Files.createTempDirectory("meshgate-shop-");
            shop = start(directory, additions);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            try {
                if (shop != null) {
                    shop.close();
                }
            } finally {
                if (directory != null) {
                    TempFolders.delete(directory);
                }
            }
        }

        GovernedShop get() {
            return shop;
        }
    }

    static GovernedShop start(Path directory) throws IOException {
        return start(directory, Additions.NONE);
    }

    static GovernedShop start(Path directory, Additions additions) throws IOException {
        writeShop(directory);
        writeVault(directory);
        Path policies = Files.createDirectories(directory.resolve("policies"));
        Files.writeString(policies.resolve("tags.yaml"), TAGS);
        Files.writeString(policies.resolve("principals.yaml"), PRINCIPALS);
        Files.writeString(policies.resolve("grants.yaml"), GRANTS);
        Files.writeString(policies.resolve("restrictions.yaml"), RESTRICTIONS);
        for (Map.Entry<String, String> file : additions.policyFiles().entrySet()) {
            Files.writeString(policies.resolve(file.getKey()), file.getValue());
        }
        Path auditFile = directory.resolve("audit.jsonl");
        StringBuilder yaml = new StringBuilder("server: {host: 127.0.0.1, port: 0}\nportal: {port: 0}\nauth:\n  users:\n");
        for (String user : USERS) {
            String groups = switch (user) {
                case "ana_eu", "ana_none" -> "analysts";
                case "ana_us_ops" -> "analysts, ops";
                case "fred" -> "fraud";
                case "gov" -> "governance, cleared, privacy";
                case "carl" -> "conflicted";
                case "late" -> "latecomers";
                case "rita" -> "reloaders";
                default -> "";
            };
            yaml.append("    - {name: ").append(user).append(", password: {plain: ").append(user).append("}, groups: [").append(groups).append("]}\n");
        }
        additions.users().forEach((user, groups) -> yaml.append("    - {name: ").append(user).append(", password: {plain: ").append(user)
                .append("}, groups: [").append(String.join(", ", groups)).append("]}\n"));
        yaml.append("policies: \"").append(policies).append("\"\n")
                .append("policy-hash-key: \"").append(HASH_KEY).append("\"\n")
                .append("audit: {file: \"").append(auditFile).append("\"}\n")
                .append("domains:\n");
        for (String[] domain : List.of(new String[] {"shop", "sales"}, new String[] {"vault", "keys"})) {
            yaml.append("  - name: ").append(domain[0]).append('\n')
                    .append("    catalog: {type: jdbc, uri: \"").append(catalogUri(directory, domain[0]))
                    .append("\", catalog-name: ").append(domain[0])
                    .append(", warehouse: \"").append(warehouse(directory, domain[0])).append("\"}\n")
                    .append("    schemas:\n")
                    .append("      - {name: ").append(domain[1]).append(", namespace: ").append(domain[1]).append("}\n");
        }
        yaml.append(additions.config());
        MeshgateServer server = MeshgateServer.start(ConfigLoader.parse(yaml.toString(), "meshgate.yaml", Map.of()));
        return new GovernedShop(directory, policies, auditFile, server);
    }

    /** Writes (or replaces) one policy file atomically, so that the watcher never reads half a file. */
    void writePolicy(String fileName, String text) throws IOException {
        Path temporary = directory.resolve(fileName + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, policies.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void deletePolicy(String fileName) throws IOException {
        Files.deleteIfExists(policies.resolve(fileName));
    }

    Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", user);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", properties);
    }

    /** The rows of {@code sql} run as {@code user}, each cell as {@link ResultSet#getObject}, dates as {@link LocalDate}. */
    List<List<Object>> rows(String user, String sql) throws SQLException {
        try (Connection connection = connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return read(result);
        }
    }

    static List<List<Object>> read(ResultSet result) throws SQLException {
        ResultSetMetaData metaData = result.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                Object value = result.getObject(i);
                row.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The column labels of {@code sql} run as {@code user}. */
    List<String> columns(String user, String sql) throws SQLException {
        try (Connection connection = connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                names.add(result.getMetaData().getColumnLabel(i));
            }
            return names;
        }
    }

    /** The error {@code sql} fails with as {@code user}; fails the test when it succeeds. */
    SQLException failure(String user, String sql) {
        return org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> rows(user, sql), user + ": " + sql);
    }

    /** The Meshgate error code named in a failure's message ({@code [CODE] SQLSTATE xxxxx: ...}). */
    static String code(SQLException e) {
        Matcher matcher = CODE.matcher(fullMessage(e));
        return matcher.find() ? matcher.group(1) : "no code in: " + fullMessage(e);
    }

    static String sqlState(SQLException e) {
        Matcher matcher = CODE.matcher(fullMessage(e));
        return matcher.find() ? matcher.group(2) : "no SQLSTATE in: " + fullMessage(e);
    }

    /** The messages of the exception and its causes, the way a client could read them all. */
    static String fullMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Override
    public void close() {
        server.close();
    }

    private static String catalogUri(Path directory, String domain) {
        return "jdbc:sqlite:" + directory.resolve(domain).resolve("catalog.db").toAbsolutePath();
    }

    private static String warehouse(Path directory, String domain) {
        String uri = directory.resolve(domain).resolve("warehouse").toAbsolutePath().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The Iceberg catalog of {@code domain} (shop or vault), opened beside the server's, for tests that change tables under it. */
    JdbcCatalog catalog(String domain) throws IOException {
        return catalog(directory, domain);
    }

    private static JdbcCatalog catalog(Path directory, String domain) throws IOException {
        Files.createDirectories(directory.resolve(domain).resolve("warehouse"));
        return IcebergCatalogs.openJdbc(new JdbcCatalogSpec(catalogUri(directory, domain), Optional.empty(), Optional.empty(), domain,
                warehouse(directory, domain), S3Options.defaults()));
    }

    private static void writeShop(Path directory) throws IOException {
        try (JdbcCatalog catalog = catalog(directory, "shop")) {
            Table table = IcebergTestTables.create(catalog, TableIdentifier.of(Namespace.of("sales"), "orders"), ORDERS_SCHEMA,
                    PartitionSpec.builderFor(ORDERS_SCHEMA).identity("region").build(), Map.of("format-version", "2"));
            IcebergTestTables.append(table, List.of(
                    order(1, "EU", EMAIL_1, CARD_1, 100, 1, "first note", "Lyon", "69001"),
                    order(2, "US", "bob@example.org", "5500000000000004", 250, 2, "second note", "Boston", "02101"),
                    order(3, "EU", "cid@example.net", CARD_3, 80, 3, "third note", "Berlin", "10115"),
                    order(4, "APAC", "dee@example.com", "3400000000000009", 300, 4, "fourth note", "Osaka", "5300001")));
        }
    }

    static Record order(long id, String region, String email, String card, int amount, int day, String notes, String city, String zip) {
        GenericRecord record = GenericRecord.create(ORDERS_SCHEMA);
        record.setField("id", id);
        record.setField("region", region);
        record.setField("email", email);
        record.setField("card", card);
        record.setField("amount", amount);
        record.setField("day", LocalDate.of(2024, 1, day));
        record.setField("notes", notes);
        GenericRecord address = GenericRecord.create(ORDERS_SCHEMA.findField("address").type().asStructType());
        address.setField("city", city);
        address.setField("zip", zip);
        record.setField("address", address);
        return record;
    }

    private static void writeVault(Path directory) throws IOException {
        Schema schema = new Schema(
                Types.NestedField.required(1, "id", Types.LongType.get()),
                Types.NestedField.optional(2, "secret", Types.StringType.get()));
        try (JdbcCatalog catalog = catalog(directory, "vault")) {
            Table table = IcebergTestTables.create(catalog, TableIdentifier.of(Namespace.of("keys"), "secrets"), schema,
                    PartitionSpec.unpartitioned(), Map.of("format-version", "2"));
            GenericRecord record = GenericRecord.create(schema);
            record.setField("id", 1L);
            record.setField("secret", SECRET);
            IcebergTestTables.append(table, List.of(record));
        }
    }
}
