package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.TableDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** A policy that changes while a query is planned cannot give that query two views of one table. */
class ConsistentViewTest {
    /** Shows the table on odd calls and hides it on even ones, as a reload racing the planner would. */
    private static final class FlickeringPolicy implements AccessPolicy {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String revision() {
            return "flicker";
        }

        @Override
        public ResolvedPrincipal resolve(Principal principal) {
            return new ResolvedPrincipal(principal.name(), Set.of(), Set.of(), Map.of(), Map.of());
        }

        @Override
        public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
            return calls.incrementAndGet() % 2 == 1 ? AccessDecision.unrestricted("flicker", table) : AccessDecision.invisible("flicker", table, Set.of());
        }
    }

    @Test
    void oneQueryKeepsTheFirstAnswerForEachTable() {
        FlickeringPolicy policy = new FlickeringPolicy();
        SectionSevenOrders orders = new SectionSevenOrders();
        try (RootAllocator allocator = new RootAllocator()) {
            QueryEngine engine = new QueryEngine(orders.catalog, allocator, new Governance(policy, HashKey.of("flicker-key-long-enough")));
            assertEquals(List.of(List.of(4L)), Rows.run(engine, Session.of(Principal.of("u")),
                    "SELECT count(*) FROM shop.sales.orders a WHERE a.id IN (SELECT id FROM shop.sales.orders)"));
            assertEquals(1, policy.calls.get(), "one decision for the table, however often Calcite looks it up");
        }
    }
}
