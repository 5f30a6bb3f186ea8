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
import io.meshgate.spi.SchemaTableName;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshgate contract check} end to end, run through the launcher's main on the demo mesh
 * with a real configuration: the orders contract holds, the customer contract's freshness rule
 * cannot (a snapshot is never a millisecond old by the time it is checked).
 */
class ContractCheckIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMERCE = """
            products:
              - product: commerce.sales.orders
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
              - product: commerce.sales.lineitem
                owner: commerce-team
            """;
    private static final String CUSTOMER = """
            products:
              - product: customer.crm.customer
                contract:
                  quality:
                    - not_null: [c_custkey]
                    - freshness: {max_age: 1ms}
            """;

    @TempDir
    static Path data;
    private static Path config;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeConfiguration() throws Exception {
        config = DemoMesh.ensure(data, 0.001, new PrintStream(OutputStream.nullOutputStream()));
        Files.writeString(config, Files.readString(config) + "products: products\ncontracts: {results: checks}\n");
        Files.createDirectories(data.resolve("products"));
        Files.writeString(data.resolve("products/commerce.yaml"), COMMERCE);
        Files.writeString(data.resolve("products/customer.yaml"), CUSTOMER);
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
        List<String> lines = printed().lines().toList();
        Path results = data.resolve("checks");
        Path ordersFile = results.resolve("commerce/sales/orders/snapshot-" + orders + ".json");
        Path customerFile = results.resolve("customer/crm/customer/snapshot-" + customer + ".json");
        List<String> expected = List.of(
                "commerce.sales.orders (snapshot " + orders + ", contract in products/commerce.yaml)",
                "  PASS   schema                          backward: the 5 contract column(s) hold",
                "  PASS   not_null(o_orderkey)            no NULLs in o_orderkey",
                "  PASS   unique(o_orderkey)              o_orderkey is unique",
                "  PASS   accepted_values(o_orderstatus)  every o_orderstatus is one of the 3 accepted values",
                "  PASS   range(o_totalprice)             every o_totalprice is at least 0",
                "  PASS   row_count                       1500 rows (expected at least 1)",
                "  PASS   freshness                       snapshot " + orders + " was committed <age> ago (max_age 1d)",
                "  results: " + ordersFile,
                "customer.crm.customer (snapshot " + customer + ", contract in products/customer.yaml)",
                "  PASS   not_null(c_custkey)  no NULLs in c_custkey",
                "  FAIL   freshness            snapshot " + customer + " was committed <age> ago, more than max_age 1ms",
                "  results: " + customerFile,
                "",
                "FAILED: 1 of 9 rule(s) failed, 0 could not be checked, in 2 product(s)");
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
                + " (products with a contract: commerce.sales.orders, customer.crm.customer)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", printed());
    }

    @Test
    void aWrongConfigurationIsAUsageError() throws Exception {
        Path broken = Files.writeString(data.resolve("broken.yaml"), Files.readString(config).replace("contracts: {results: checks}", "contracts: {result: checks}"));
        assertEquals(Main.EXIT_USAGE, run("contract", "check", "--config", broken.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("contracts.result: unknown key (known keys here: results)"), err.toString());
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
