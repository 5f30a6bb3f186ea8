package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** A statement prepared before a policy change runs under the new policy (B7). */
class PreparedQueryRevisionTest {
    /** Revision "open" shows every row; revision "eu" only EU rows; revision "narrow" also hides amount. */
    private static final class SwitchingPolicy implements AccessPolicy {
        final AtomicReference<String> revision = new AtomicReference<>("open");

        @Override
        public String revision() {
            return revision.get();
        }

        @Override
        public ResolvedPrincipal resolve(Principal principal) {
            return new ResolvedPrincipal(principal.name(), Set.of(), Set.of(), Map.of(), Map.of());
        }

        @Override
        public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
            Map<String, List<io.meshgate.policy.eval.CellCase>> columns = revision.get().equals("narrow")
                    ? Map.of("id", FixedDecisions.always(Mask.NONE))
                    : Map.of("id", FixedDecisions.always(Mask.NONE), "amount", FixedDecisions.always(Mask.NONE));
            RowRule rows = revision.get().equals("open") ? new RowRule(List.of(), List.of()) : new RowRule(List.of("region = 'EU'"), List.of());
            return FixedDecisions.decision(table, rows, columns, columns.keySet());
        }
    }

    @Test
    void preparedStatementFollowsThePolicyInForce() {
        SwitchingPolicy policy = new SwitchingPolicy();
        SectionSevenOrders orders = new SectionSevenOrders();
        try (RootAllocator allocator = new RootAllocator()) {
            QueryEngine engine = new QueryEngine(orders.catalog, allocator, new Governance(policy, HashKey.of("yet-another-long-key")));
            try (PreparedQuery query = engine.prepare(Session.of(Principal.of("u")), "SELECT count(*) FROM shop.sales.orders")) {
                assertEquals(List.of(List.of(4L)), read(query));
                policy.revision.set("eu");
                assertEquals(List.of(List.of(2L)), read(query));
            }
            try (PreparedQuery query = engine.prepare(Session.of(Principal.of("u")), "SELECT * FROM shop.sales.orders")) {
                policy.revision.set("narrow");
                MeshgateException changed = assertThrows(MeshgateException.class, query::execute);
                assertEquals(ErrorCode.INVALID_REQUEST, changed.code());
            }
        }
    }

    private static List<List<Object>> read(PreparedQuery query) {
        try (var stream = query.execute()) {
            return Rows.read(stream);
        }
    }
}
