package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static io.meshgate.engine.FixedDecisions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How an access decision is planned and enforced: the barrier's rows, cells and masks on POLICY.md
 * section 7's table, each test trying a way around it (error side channels, EXPLAIN, aggregates,
 * predicates and joins on masked or nulled columns, CTEs and subqueries).
 */
class PolicyBarrierTest {
    private static final String KEY = "a-test-key-of-enough-length";
    private static final RowRule ALL_ROWS = new RowRule(List.of(), List.of());

    private static RootAllocator allocator;
    private static SectionSevenOrders orders;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        orders = new SectionSevenOrders();
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                // Analysts (EU): internal columns on rows of their region; APAC hidden from all.
                "analyst", t -> decision(t, new RowRule(List.of("region = :principal.region"), List.of("region <> 'APAC'")),
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "amount", always(Mask.NONE), "day", always(Mask.NONE)),
                        Set.of("id", "region", "amount", "day")),
                // Analysts (US) and ops: analysts' columns on US rows, ops' {id, email} on EU rows, email hashed.
                "both", t -> decision(t, new RowRule(List.of("region = :principal.region", "region = 'EU'"), List.of("region <> 'APAC'")),
                        Map.of("id", always(Mask.NONE), "region", when("region = :principal.region", Mask.NONE),
                                "email", when("region = 'EU'", Mask.of(MaskFunction.HASH)),
                                "amount", when("region = :principal.region", Mask.NONE), "day", when("region = :principal.region", Mask.NONE)),
                        Set.of("id")),
                // Fraud: all columns but notes, card shows its last 4, email hashed; APAC hidden.
                "fraud", t -> decision(t, new RowRule(List.of(), List.of("region <> 'APAC'")),
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "email", always(Mask.of(MaskFunction.HASH)),
                                "card", always(Mask.withN(MaskFunction.SHOW_LAST_N, 4)), "amount", always(Mask.NONE),
                                "day", always(Mask.NONE)),
                        Set.of("id", "region", "amount", "day")),
                "admin", t -> AccessDecision.unrestricted("fixed", t));
        Governance governance = new Governance(new FixedDecisions(decisions, Map.of("analyst", "EU", "both", "US")), HashKey.of(KEY));
        engine = new QueryEngine(orders.catalog, allocator, governance);
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static List<List<Object>> run(String user, String sql) {
        return Rows.run(engine, Session.of(Principal.of(user)), sql);
    }

    private static String explain(String user, String sql) {
        return (String) run(user, "EXPLAIN " + sql).get(0).get(0);
    }

    private static MeshgateException failure(String user, String sql) {
        return assertThrows(MeshgateException.class, () -> run(user, sql));
    }

    @Test
    void selectStarShowsOnlyVisibleColumnsOfVisibleRows() {
        try (PreparedQuery query = engine.prepare(Session.of(Principal.of("analyst")), "SELECT * FROM shop.sales.orders")) {
            assertEquals(List.of("id", "region", "amount", "day"), query.resultSchema().getFields().stream().map(f -> f.getName()).toList());
        }
        assertEquals(List.of(List.of(1L, "EU"), List.of(3L, "EU")), run("analyst", "SELECT id, region FROM shop.sales.orders ORDER BY id"));
    }

    @Test
    void hiddenColumnFailsExactlyLikeMissingColumn() {
        MeshgateException hidden = failure("analyst", "SELECT email FROM shop.sales.orders");
        MeshgateException missing = failure("analyst", "SELECT emial FROM shop.sales.orders");
        assertEquals(ErrorCode.COLUMN_NOT_FOUND, hidden.code());
        assertEquals(missing.code(), hidden.code());
        assertEquals(missing.getMessage().replace("emial", "email"), hidden.getMessage());
    }

    @Test
    void invisibleTableFailsExactlyLikeMissingTable() {
        MeshgateException hidden = failure("nobody", "SELECT * FROM shop.sales.orders");
        MeshgateException missing = failure("nobody", "SELECT * FROM shop.sales.ordres");
        assertEquals(ErrorCode.TABLE_NOT_FOUND, hidden.code());
        assertEquals(missing.getMessage().replace("ordres", "orders"), hidden.getMessage());
    }

    @Test
    void cellsOutsideTheGrantThatCoversThemAreNull() {
        assertEquals(List.of(
                List.of(1L, "EU"), List.of(2L, "US"), List.of(3L, "EU")),
                run("both", "SELECT id, coalesce(region, 'EU') FROM shop.sales.orders ORDER BY id"));
        List<List<Object>> rows = run("both", "SELECT id, region, amount, email FROM shop.sales.orders ORDER BY id");
        assertEquals(3, rows.size());
        assertEquals(java.util.Arrays.asList(2L, "US", 250, null), rows.get(1));
        assertEquals(null, rows.get(0).get(2), "row 1 is EU: the analyst grant does not cover it, so amount is NULL");
        assertTrue(rows.get(0).get(3) != null && rows.get(1).get(3) == null);
    }

    @Test
    void userPredicateSeesShownValueNotRawValue() {
        // Row 1's raw amount is 100, but this user sees NULL there (R7).
        assertEquals(List.of(List.of(2L)), run("both", "SELECT id FROM shop.sales.orders WHERE amount > 90 ORDER BY id"));
        assertEquals(List.of(List.of(2L)), run("both", "SELECT id FROM shop.sales.orders WHERE amount IS NOT NULL"));
    }

    @Test
    void maskedColumnPredicateSeesMaskedValue() {
        assertEquals(List.of(), run("fraud", "SELECT id FROM shop.sales.orders WHERE card = '" + SectionSevenOrders.CARD_1 + "'"));
        assertEquals(List.of(List.of(1L)), run("fraud", "SELECT id FROM shop.sales.orders WHERE card LIKE '%1111'"));
        assertEquals(List.of(List.of("************1111")), run("fraud", "SELECT card FROM shop.sales.orders WHERE id = 1"));
    }

    @Test
    void joinOnMaskedColumnJoinsMaskedValues() {
        String join = "SELECT a.id, b.id FROM shop.sales.orders a JOIN shop.sales.orders b ON a.card = b.card ORDER BY a.id";
        assertEquals(List.of(List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 3L)), run("fraud", join));
        // Masked values collide where raw ones do not: two different cards ending alike join.
        String suffix = "SELECT count(*) FROM shop.sales.orders a JOIN (VALUES ('************1111')) AS v(c) ON a.card = v.c";
        assertEquals(List.of(List.of(1L)), run("fraud", suffix));
    }

    @Test
    void hashIsKeyedHmacNotBareSha256() throws Exception {
        String shown = (String) run("fraud", "SELECT email FROM shop.sales.orders WHERE id = 1").get(0).get(0);
        String bare = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("ann@example.com".getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertNotEquals(bare, shown);
        assertEquals(HexFormat.of().formatHex(mac.doFinal("ann@example.com".getBytes(StandardCharsets.UTF_8))), shown);
    }

    @Test
    void failingPredicateRunsOnlyOnVisibleRows() {
        // Row 2 (US, amount 250) would divide by zero; the analyst (EU) cannot see it, so no error.
        assertEquals(List.of(List.of(1L), List.of(3L)), run("analyst", "SELECT id FROM shop.sales.orders WHERE 1/(amount-250) < 1 ORDER BY id"));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, failure("admin", "SELECT id FROM shop.sales.orders WHERE 1/(amount-250) < 1").code());
    }

    @Test
    void constantThatCannotBeComputedIsAQueryErrorNotACrash() {
        String sql = "SELECT id FROM shop.sales.orders WHERE CASE WHEN region = 'APAC' THEN 1/0 ELSE 1 END = 1";
        assertEquals(ErrorCode.DIVISION_BY_ZERO, failure("admin", sql).code());
        assertEquals(ErrorCode.DIVISION_BY_ZERO, failure("fraud", sql).code());
    }

    @Test
    void failedDateCastNamesNoValue() {
        MeshgateException e = failure("analyst", "SELECT CAST(region AS DATE) FROM shop.sales.orders");
        assertEquals(ErrorCode.INVALID_DATA, e.code());
        assertFalse(e.getMessage().contains("EU"), e.getMessage());
    }

    @Test
    void aggregatesCountOnlyVisibleRows() {
        assertEquals(List.of(List.of(2L, 80, 100)), run("analyst", "SELECT count(*), min(amount), max(amount) FROM shop.sales.orders"));
        assertEquals(List.of(List.of(4L)), run("admin", "SELECT count(*) FROM shop.sales.orders"));
    }

    @Test
    void cteOrSubqueryNamedLikeTheTableStillReadsThroughTheBarrier() {
        assertEquals(List.of(List.of(2L)), run("analyst", "WITH orders AS (SELECT * FROM shop.sales.orders) SELECT count(*) FROM orders"));
        assertEquals(List.of(List.of(2L)), run("analyst",
                "SELECT count(*) FROM shop.sales.orders o WHERE o.id IN (SELECT id FROM shop.sales.orders WHERE amount > 0)"));
        assertEquals(List.of(List.of(2L)), run("analyst", "SELECT count(*) FROM (SELECT * FROM shop.sales.orders) t"));
    }

    @Test
    void explainShowsBarrierWithoutPolicyText() {
        String plan = explain("analyst", "SELECT id FROM shop.sales.orders WHERE id = 1");
        assertTrue(plan.contains("PolicyBarrier(table=[shop.sales.orders])"), plan);
        for (String secret : List.of("EU", "APAC", "region", "MeshTableScan", "rows", "email")) {
            assertFalse(plan.contains(secret), secret + " leaked into " + plan);
        }
        String admin = explain("admin", "SELECT id FROM shop.sales.orders WHERE id = 1");
        assertTrue(admin.contains("MeshTableScan(table=[shop.sales.orders]") && !admin.contains("PolicyBarrier"), admin);
    }

    @Test
    void leakProofPredicateOnPlainColumnPrunesTheScan() {
        run("analyst", "SELECT id FROM shop.sales.orders WHERE id = 3");
        assertTrue(orders.connector.lastSpec.filter().isPresent(), "id = 3 is leak-proof on a plain column: it prunes");
        run("analyst", "SELECT id FROM shop.sales.orders WHERE 1/(amount-250) > 0");
        assertTrue(orders.connector.lastSpec.filter().isEmpty(), "a predicate that can fail stays above the barrier");
        run("fraud", "SELECT id FROM shop.sales.orders WHERE card = 'x'");
        assertTrue(orders.connector.lastSpec.filter().isEmpty(), "a predicate on a masked column stays above the barrier");
        assertTrue(orders.connector.lastSpec.columns().contains("region"), "the barrier reads the raw column its row rule needs");
    }

    @Test
    void scanUnderBarrierReadsOnlyColumnsTheBarrierNeeds() {
        run("analyst", "SELECT id FROM shop.sales.orders");
        assertEquals(Set.of("id", "region"), Set.copyOf(orders.connector.lastSpec.columns()));
    }

    @Test
    void relationsNameTheDecisionEachTableWasPlannedUnder() {
        try (PreparedQuery query = engine.prepare(Session.of(Principal.of("analyst")), "SELECT count(*) FROM shop.sales.orders")) {
            assertEquals(1, query.relations().size());
            assertEquals("shop.sales.orders", query.relations().get(0).object());
            assertTrue(query.relations().get(0).suppressed().contains("limit-pushdown"));
        }
    }
}
