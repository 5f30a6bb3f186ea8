package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.contract.ContractReport;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.engine.contract.ProductName;
import io.meshgate.engine.contract.RuleResult;
import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.engine.meta.ContractsTable;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.load.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh.meta.contracts} through SQL: the latest stored check of each product, one row per
 * rule, for the products the principal may see only, with snapshot ids, rule names and details
 * only for principals who may see what they tell.
 */
class ContractsTableTest {
    private static final Instant CHECKED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Principal ADMIN = new Principal("admin", Set.of("governance"));
    private static final Principal ANA = new Principal("ana", Set.of("analysts"));
    private static final Principal VIEWER = new Principal("vic", Set.of("viewers"));

    private static final String POLICY = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential, restricted], ordered: true}
            assignments:
              - {on: {domain: shop}, tags: {sensitivity: internal}}
              - {on: {domain: vault}, tags: {sensitivity: restricted}}
              - {on: {column: shop.sales.orders.email}, tags: {sensitivity: confidential}}
            grants:
              - {id: all, to: {groups: [governance]}, permissions: [SELECT, METADATA_READ], on: {all: true}, columns: {all: true}}
              - id: analysts
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {match: {key: sensitivity, at_most: internal}}
                columns: {match: SAME}
              - {id: viewers, to: {groups: [viewers]}, permissions: [DESCRIBE], on: {table: shop.sales.returns}, columns: {all: true}}
            """;

    @TempDir
    static Path directory;
    private static RootAllocator allocator;
    private static QueryEngine engine;
    private static ContractResults results;

    @BeforeAll
    static void setUp() throws IOException {
        allocator = new RootAllocator();
        Schema orders = new Schema(List.of(field("id", new ArrowType.Int(64, true)), field("email", ArrowType.Utf8.INSTANCE)));
        Schema returns = new Schema(List.of(field("id", new ArrowType.Int(64, true))));
        Schema secrets = new Schema(List.of(field("secret", ArrowType.Utf8.INSTANCE)));
        InMemoryConnector shop = new InMemoryConnector(Map.of("sales", Map.of(
                "orders", new InMemoryConnector.Table(orders, List.of(), Map.of(), OptionalLong.empty()),
                "returns", new InMemoryConnector.Table(returns, List.of(), Map.of(), OptionalLong.empty()))), 10);
        InMemoryConnector vault = new InMemoryConnector(Map.of("keys", Map.of(
                "secrets", new InMemoryConnector.Table(secrets, List.of(), Map.of(), OptionalLong.empty()))), 10);
        Path policies = Files.createDirectories(directory.resolve("policies"));
        Files.writeString(policies.resolve("policy.yaml"), POLICY);
        Governance governance = new Governance(new PolicyEvaluator(PolicyLoader.load(policies, new PolicySqlChecker())),
                HashKey.of("contracts-table-test-key"));
        MeshCatalog catalog = new MeshCatalog(List.of(new Domain("shop", shop, List.of()), new Domain("vault", vault, List.of())));
        results = new ContractResults(directory.resolve("results"));
        engine = new QueryEngine(catalog, allocator, governance, SystemTables.standard().with(new ContractsTable(results)));
        results.store(new ContractReport(new ProductName("shop", "sales", "orders"), "uuid-orders", OptionalLong.of(41), CHECKED, List.of(
                new RuleResult("not_null(email)", RuleStatus.FAIL, "3 NULLs in email"),
                new RuleResult("row_count", RuleStatus.PASS, "10 rows (expected at least 1)"))));
        results.store(new ContractReport(new ProductName("shop", "sales", "returns"), "uuid-returns", OptionalLong.of(7), CHECKED, List.of(
                new RuleResult("unique(id)", RuleStatus.PASS, "id is unique"))));
        results.store(new ContractReport(new ProductName("vault", "keys", "secrets"), "uuid-secrets", OptionalLong.of(9), CHECKED, List.of(
                new RuleResult("not_null(secret)", RuleStatus.PASS, "no NULLs in secret"))));
    }

    @AfterAll
    static void tearDown() {
        allocator.close();
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), List.of());
    }

    private static List<List<Object>> run(Principal principal, String sql) {
        return Rows.run(engine, Session.of(principal), sql);
    }

    @Test
    void anAdminSeesEveryRuleOfEveryLatestResult() {
        LocalDateTime checked = LocalDateTime.of(2026, 3, 1, 12, 0);
        assertEquals(List.of(
                Arrays.asList("shop", "sales", "orders", 41L, checked, "FAIL", "not_null(email)", "FAIL", "3 NULLs in email"),
                Arrays.asList("shop", "sales", "orders", 41L, checked, "FAIL", "row_count", "PASS", "10 rows (expected at least 1)"),
                Arrays.asList("shop", "sales", "returns", 7L, checked, "PASS", "unique(id)", "PASS", "id is unique"),
                Arrays.asList("vault", "keys", "secrets", 9L, checked, "PASS", "not_null(secret)", "PASS", "no NULLs in secret")),
                run(ADMIN, "SELECT * FROM mesh.meta.contracts ORDER BY domain, table_name, rule"));
    }

    @Test
    void aHiddenProductHasNoRowAndWhatARestrictedPrincipalCannotSeeIsNull() {
        assertEquals(List.of(
                Arrays.asList("orders", null, "FAIL", null, "FAIL", null),
                Arrays.asList("orders", null, "FAIL", null, "PASS", null),
                Arrays.asList("returns", null, "PASS", "unique(id)", "PASS", "id is unique")),
                run(ANA, "SELECT table_name, snapshot_id, status, rule, rule_status, detail FROM mesh.meta.contracts"
                        + " ORDER BY table_name, rule_status"),
                "the orders rules may name the hidden email column; no snapshot id without METADATA_READ (B6)");
        assertEquals(List.of(List.of(0L)), run(ANA, "SELECT count(*) FROM mesh.meta.contracts WHERE domain = 'vault' OR rule LIKE '%secret%'"));
        assertEquals(List.of(Arrays.asList("returns", "PASS", null, "PASS", null)),
                run(VIEWER, "SELECT table_name, status, rule, rule_status, detail FROM mesh.meta.contracts"),
                "DESCRIBE alone shows the product's statuses, not its columns nor counts over its rows");
    }

    @Test
    void aCheckStoredAfterTheEngineStartedShowsAtOnce() {
        ProductName returns = new ProductName("shop", "sales", "returns");
        ContractReport earlier = results.latest(returns).orElseThrow();
        try {
            results.store(new ContractReport(returns, "uuid-returns", OptionalLong.of(8), CHECKED.plusSeconds(60), List.of(
                    new RuleResult("unique(id)", RuleStatus.FAIL, "2 duplicate id values"))));
            assertEquals(List.of(Arrays.asList(8L, "FAIL", "2 duplicate id values")),
                    run(ADMIN, "SELECT snapshot_id, status, detail FROM mesh.meta.contracts WHERE table_name = 'returns'"));
        } finally {
            results.store(earlier);
        }
    }
}
