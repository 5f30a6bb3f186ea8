package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.planner.QueryPlanner;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlExplainLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Plan tests: where the barrier sits in the optimized plan, read with every attribute (what users'
 * EXPLAIN never shows). Each governed reference gets its own barrier directly over its scan, and
 * only leak-proof predicates on plain columns sit below it.
 */
class BarrierPlacementTest {
    private static final SectionSevenOrders ORDERS = new SectionSevenOrders();
    private static final RootAllocator ALLOCATOR = new RootAllocator();
    private static final QueryEngine ENGINE_FOR_VIEWS;
    private static final QueryPlanner PLANNER;

    static {
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                "fraud", t -> FixedDecisions.decision(t, new RowRule(List.of(), List.of("region <> 'APAC'")),
                        Map.of("id", FixedDecisions.always(Mask.NONE), "region", FixedDecisions.always(Mask.NONE),
                                "card", FixedDecisions.always(Mask.withN(MaskFunction.SHOW_LAST_N, 4)), "amount", FixedDecisions.always(Mask.NONE)),
                        Set.of("id", "region", "amount")));
        Governance governance = new Governance(new FixedDecisions(decisions, Map.of()), HashKey.of("another-key-long-enough"));
        ENGINE_FOR_VIEWS = new QueryEngine(ORDERS.catalog, ALLOCATOR, governance);
        PLANNER = new QueryPlanner(ORDERS.catalog, governance, SystemTables.standard());
    }

    @AfterAll
    static void closeAllocator() {
        ALLOCATOR.close();
    }

    private static String plan(String sql) {
        Principal fraud = Principal.of("fraud");
        return RelOptUtil.toString(PLANNER.plan(ENGINE_FOR_VIEWS.catalogView(fraud), Session.of(fraud), sql).plan(),
                SqlExplainLevel.ALL_ATTRIBUTES);
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The line after each barrier line is its input: it must be the table's scan or a filter/calc right over it. */
    private static void assertEveryBarrierIsOverItsScan(String plan) {
        List<String> lines = plan.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("PolicyBarrier")) {
                String below = lines.get(i + 1).trim();
                assertTrue(below.startsWith("MeshTableScan") || below.startsWith("EnumerableCalc") && lines.get(i + 2).trim().startsWith("MeshTableScan"),
                        "barrier not directly over its scan:\n" + plan);
            }
        }
    }

    @Test
    void selfJoinGetsOneBarrierPerReference() {
        String plan = plan("SELECT a.id FROM shop.sales.orders a JOIN shop.sales.orders b ON a.card = b.card");
        assertEquals(2, count(plan, "EnumerablePolicyBarrier"), plan);
        assertEveryBarrierIsOverItsScan(plan);
        assertTrue(plan.indexOf("EnumerableHashJoin") < plan.indexOf("EnumerablePolicyBarrier"), "the join runs above the barriers:\n" + plan);
    }

    @Test
    void leakProofPredicateOnPlainColumnSitsBelowTheBarrier() {
        String plan = plan("SELECT id FROM shop.sales.orders WHERE id = 3 AND card LIKE '%1'");
        assertEveryBarrierIsOverItsScan(plan);
        String barrierAndBelow = plan.substring(plan.indexOf("EnumerablePolicyBarrier"));
        String above = plan.substring(0, plan.indexOf("EnumerablePolicyBarrier"));
        assertTrue(barrierAndBelow.contains("filter=[id = 3]"), "id = 3 prunes the scan:\n" + plan);
        assertTrue(above.contains("LIKE"), "the predicate on the masked card stays above the barrier:\n" + plan);
        assertTrue(!barrierAndBelow.substring(barrierAndBelow.indexOf('\n')).contains("LIKE"), plan);
    }

    @Test
    void subqueriesAndSetOperationsEachReadThroughABarrier() {
        String plan = plan("SELECT id FROM shop.sales.orders WHERE amount > (SELECT avg(amount) FROM shop.sales.orders) "
                + "UNION ALL SELECT id FROM shop.sales.orders");
        assertEquals(3, count(plan, "EnumerablePolicyBarrier"), plan);
        assertEquals(3, count(plan, "MeshTableScan"), plan);
        assertEveryBarrierIsOverItsScan(plan);
    }
}
