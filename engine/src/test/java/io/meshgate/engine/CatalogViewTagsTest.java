package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.policy.model.Mask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A principal's view shows the effective tags of a visible table and of its visible columns only. */
class CatalogViewTagsTest {
    private static final Map<String, Set<String>> INTERNAL = Map.of("sensitivity", Set.of("internal"));
    private static final Map<String, Set<String>> RESTRICTED = Map.of("sensitivity", Set.of("restricted"), "pii", Set.of("card"));

    @Test
    void tagsOfHiddenColumnsAreNotShown() {
        FixedDecisions idAndRegion = new FixedDecisions(Map.of("ana", table -> decision(table, new RowRule(List.of(), List.of()),
                Map.of("id", always(Mask.NONE), "region", always(Mask.NONE)), Set.of("id", "region"))), Map.of());
        AccessPolicy decisions = new AccessPolicy() {
            @Override
            public String revision() {
                return idAndRegion.revision();
            }

            @Override
            public ResolvedPrincipal resolve(Principal principal) {
                return idAndRegion.resolve(principal);
            }

            @Override
            public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
                return idAndRegion.decide(principal, table, binder);
            }

            @Override
            public TagAssignments tags(TableDescriptor table) {
                return new TagAssignments(INTERNAL, Map.of("id", INTERNAL, "region", INTERNAL, "card", RESTRICTED));
            }
        };
        CatalogView view = new CatalogView(new SectionSevenOrders().catalog, new Governance(decisions, HashKey.of("a-test-key-of-enough-length")),
                Principal.of("ana"));
        VisibleTable orders = view.table("shop", "sales", "orders").orElseThrow();

        TagAssignments tags = view.tags(orders);

        assertEquals(INTERNAL, tags.table());
        assertEquals(Set.of("id", "region"), tags.columns().keySet());
        assertEquals(Map.of(), tags.column("card"));
    }
}
