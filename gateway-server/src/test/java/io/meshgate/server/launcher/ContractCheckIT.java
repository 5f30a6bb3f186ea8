package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.DomainConfig;
import io.meshgate.server.config.DomainSource;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.spi.SchemaTableName;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshgate contract check} end to end, run through the launcher's main on the demo mesh
 * with a real configuration: the orders contract holds, the customer contract's freshness rule
 * cannot (a snapshot is never a millisecond old by the time it is checked); a server running on the
 * same configuration shows the latest results in {@code mesh.meta.contracts}.
 */
class ContractCheckIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMERCE = """
            products:
              - name: commerce.sales.orders
                owner: commerce-team
                contract:
                  schema:
                    compatibility: backward
                    columns:
                      o_orderkey: bigint
                      o_custkey: bigint
                      o_orderstatus: varchar
                      o_totalprice: decimal(12,2)
                      o_orderdate: date
                  quality:
                    - not_null: [o_orderkey]
                    - unique: [o_orderkey]
                    - accepted_values: {column: o_orderstatus, values: [F, O, P]}
                    - range: {column: o_totalprice, min: 0}
                    - row_count: {min: 1}
                    - freshness: {max_age: 1d}
              - name: commerce.sales.lineitem
                owner: commerce-team
            """;
    private static final String CUSTOMER = """
            products:
              - name: customer.crm.customer
                contract:
                  quality:
                    - not_null: [c_custkey]
                    - freshness: {max_age: 1ms}
            """;

    private static final String SUPPLY = """
            products:
              - name: supply.inventory.part
                contract:
                  quality:
                    - row_count: {min: 1}
            """;

    @TempDir
    static Path data;
    private static Path config;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeConfiguration() throws Exception {
        config = DemoMesh.ensure(data, 0.001, new PrintStream(OutputStream.nullOutputStream()));
        Files.writeString(config, Files.readString(config) + "contracts: {results: checks}\n");
        Files.createDirectories(data.resolve("products"));
        // This test's contracts replace the demo's own product file (it describes commerce.sales.orders too).
        Files.delete(data.resolve("products/lifecycle.yaml"));
        Files.writeString(data.resolve("products/commerce.yaml"), COMMERCE);
        Files.writeString(data.resolve("products/customer.yaml"), CUSTOMER);
        Files.writeString(data.resolve("products/supply.yaml"), SUPPLY);
    }

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The current snapshot of a demo table, read from its catalog directly. */
    private static long currentSnapshot(String domain, String namespace, String table) {
        MeshgateConfig loaded = ConfigLoader.load(config, Map.of());
        DomainConfig domainConfig = loaded.domains().stream().filter(d -> d.name().equals(domain)).findFirst().orElseThrow();
        try (IcebergConnector connector = IcebergConnector.open(((DomainSource.IcebergSource) domainConfig.source()).catalog())) {
            return connector.table(new SchemaTableName(namespace, table)).orElseThrow().snapshotId().getAsLong();
        }
    }

    @Test
    void aFailingFreshnessRuleFailsTheCheckAndEveryResultIsStoredWithItsSnapshot() throws Exception {
        assertEquals(Main.EXIT_CHECK_FAILED, run("contract", "check", "--config", config.toString()), printed() + err);
        long orders = currentSnapshot("commerce", "commerce", "orders");
        long customer = currentSnapshot("customer", "customer", "customer");
        long part = currentSnapshot("supply", "supply", "part");
        List<String> lines = printed().lines().toList();
        Path results = data.resolve("checks");
        Path ordersFile = results.resolve("commerce/sales/orders/snapshot-" + orders + ".json");
        Path customerFile = results.resolve("customer/crm/customer/snapshot-" + customer + ".json");
        List<String> expected = List.of(
                "commerce.sales.orders (snapshot " + orders + ", contract at commerce.yaml:2)",
                "  PASS   schema                          backward: the 5 contract column(s) hold",
                "  PASS   not_null(o_orderkey)            no NULLs in o_orderkey",
                "  PASS   unique(o_orderkey)              o_orderkey is unique",
                "  PASS   accepted_values(o_orderstatus)  every o_orderstatus is one of the 3 accepted values",
                "  PASS   range(o_totalprice)             every o_totalprice is at least 0",
                "  PASS   row_count                       1500 rows (expected at least 1)",
                "  PASS   freshness                       snapshot " + orders + " was committed <age> ago (max_age 1d)",
                "  results: " + ordersFile,
                "customer.crm.customer (snapshot " + customer + ", contract at customer.yaml:2)",
                "  PASS   not_null(c_custkey)  no NULLs in c_custkey",
                "  FAIL   freshness            snapshot " + customer + " was committed <age> ago, more than max_age 1ms",
                "  results: " + customerFile,
                "supply.inventory.part (snapshot " + part + ", contract at supply.yaml:2)",
                "  PASS   row_count  200 rows (expected at least 1)",
                "  results: " + results.resolve("supply/inventory/part/snapshot-" + part + ".json"),
                "",
                "FAILED: 1 of 10 rule(s) failed, 0 could not be checked, in 3 product(s)");
        assertEquals(expected, withoutAges(lines), printed());

        JsonNode stored = JSON.readTree(Files.readString(customerFile));
        assertEquals("customer.crm.customer", stored.get("product").asText());
        assertEquals(customer, stored.get("snapshot_id").asLong());
        assertEquals("FAIL", stored.get("status").asText());
        assertEquals(List.of("not_null(c_custkey):PASS", "freshness:FAIL"), rules(stored));
        JsonNode storedOrders = JSON.readTree(Files.readString(ordersFile));
        assertEquals(orders, storedOrders.get("snapshot_id").asLong());
        assertEquals("PASS", storedOrders.get("status").asText());
        assertEquals("snapshot-" + customer + ".json", Files.readString(customerFile.resolveSibling("latest")).strip());
    }

    @Test
    void checkingOnlyProductsWhoseRulesHoldSucceeds() {
        assertEquals(Main.EXIT_OK, run("contract", "check", "commerce.sales.orders", "--config", config.toString()), printed() + err);
        assertTrue(printed().endsWith("\nOK: all 7 rule(s) hold in 1 product(s)\n"), printed());
        assertTrue(!printed().contains("customer.crm.customer"), printed());
    }

    @Test
    void aProductWithoutContractIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, run("contract", "check", "--config", config.toString(), "commerce.sales.lineitem"));
        assertEquals("meshgate: no contract for commerce.sales.lineitem in " + data.resolve("products")
                + " (products with a contract: commerce.sales.orders, customer.crm.customer, supply.inventory.part)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", printed());
    }

    @Test
    void problemsInTheProductFilesAreUsageErrorsWithFileAndLine() throws Exception {
        Path folder = Files.createDirectories(data.resolve("bad-products"));
        Path bad = Files.writeString(data.resolve("bad-products.yaml"), Files.readString(config).replace("products: products", "products: bad-products"));
        Files.writeString(folder.resolve("orders.yaml"), "products:\n  - name: commerce.sales.orders\n    contract:\n      quality:\n"
                + "        - row_count: {min: many}\n");
        assertEquals(Main.EXIT_USAGE, run("contract", "check", "--config", bad.toString()));
        assertEquals("meshgate: the product files in " + folder + " have 1 problem(s):\n"
                + "  orders.yaml:5: contract.quality[0].row_count.min: must be a whole number of rows, 0 or more, not 'many'\n",
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        Files.writeString(folder.resolve("orders.yaml"), "products:\n  - product: commerce.sales.orders\n");
        assertEquals(Main.EXIT_USAGE, run("contract", "check", "--config", bad.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("  orders.yaml:2: products[0].product: unknown key"), err.toString());
        assertEquals("", printed());
    }

    @Test
    void aWrongConfigurationIsAUsageError() throws Exception {
        Path broken = Files.writeString(data.resolve("broken.yaml"), Files.readString(config).replace("contracts: {results: checks}", "contracts: {result: checks}"));
        assertEquals(Main.EXIT_USAGE, run("contract", "check", "--config", broken.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("contracts.result: unknown key (known keys here: results)"), err.toString());
    }

    @Test
    void aRunningServerShowsTheLatestCheckInMeshMetaContractsOnlyForProductsThePrincipalMaySee() throws Exception {
        MeshgateConfig served = ConfigLoader.load(config, Map.of("MESHGATE_PORTAL_PORT", "0")).withServer(new ServerConfig("127.0.0.1", 0));
        try (MeshgateServer server = MeshgateServer.start(served)) {
            assertEquals(Main.EXIT_OK, run("contract", "check", "commerce.sales.orders", "supply.inventory.part", "--config", config.toString()),
                    printed() + err);
            long orders = currentSnapshot("commerce", "commerce", "orders");
            String sql = "SELECT table_name, snapshot_id, status, rule, rule_status, detail FROM mesh.meta.contracts"
                    + " WHERE table_name IN ('orders', 'part') ORDER BY table_name, rule";
            List<List<Object>> admin = rows(server.port(), "admin", sql);
            assertEquals(8, admin.size(), admin.toString());
            assertEquals(List.of("orders", orders, "PASS", "not_null(o_orderkey)", "PASS", "no NULLs in o_orderkey"), admin.get(2));
            assertEquals(List.of("part", currentSnapshot("supply", "supply", "part"), "PASS", "row_count", "PASS", "200 rows (expected at least 1)"),
                    admin.get(7));
            List<List<Object>> sam = rows(server.port(), "sam", sql);
            assertEquals(7, sam.size(), "sam sees the orders product, not the supply one: " + sam);
            assertTrue(sam.stream().allMatch(row -> row.equals(List.of("orders", "null", "PASS", "null", "PASS", "null"))),
                    "sam sees some orders columns only: no rule (it names columns), no detail, no snapshot id (B6): " + sam);
            assertEquals(List.of(List.of(0L)), rows(server.port(), "sam", "SELECT count(*) FROM mesh.meta.contracts WHERE domain = 'supply'"));
        }
    }

    /** Rows through Arrow's Flight SQL JDBC driver, NULL as the text "null" (so that rows compare with List.of). */
    private static List<List<Object>> rows(int port, String user, String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", user);
        try (Connection connection = DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + port + "?useEncryption=false", properties);
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.add(result.getObject(c) == null ? "null" : result.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<String> rules(JsonNode report) {
        List<String> rules = new ArrayList<>();
        report.get("rules").forEach(rule -> rules.add(rule.get("rule").asText() + ":" + rule.get("status").asText()));
        return rules;
    }

    /** The lines with each snapshot's age, which depends on the clock, written as {@code <age>}. */
    private static List<String> withoutAges(List<String> lines) {
        Pattern age = Pattern.compile("committed ((\\d+(d|h|m|s|ms) ?){1,2}) ago");
        return lines.stream().map(line -> {
            Matcher matcher = age.matcher(line);
            return matcher.find() ? line.substring(0, matcher.start(1)) + "<age>" + line.substring(matcher.end(1)) : line;
        }).toList();
    }
}
