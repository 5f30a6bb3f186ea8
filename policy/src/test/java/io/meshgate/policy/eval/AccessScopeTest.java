package io.meshgate.policy.eval;

import static io.meshgate.policy.eval.TestPolicies.grant;
import static io.meshgate.policy.eval.TestPolicies.include;
import static io.meshgate.policy.eval.TestPolicies.named;
import static io.meshgate.policy.eval.TestPolicies.taggedTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.Principal;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.PolicySet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Access decided for a scope other than a principal reading a table directly (POLICY.md section
 * 4): a resource link is selected only by the grants and restrictions that name it and has no tags;
 * a layer of a read through links applies the restrictions of everyone on the way.
 */
class AccessScopeTest {
    private static final Principal CAROL = new Principal("carol", Set.of("consumers"));
    private static final Principal OWNER = new Principal("owner of link analytics.sales", Set.of("analytics-team"));
    private static final ObjectRef LINK_REF = ObjectRef.table("analytics", "sales", "orders");
    /** The link {@code analytics.sales.orders} over the orders table (same columns, same UUID). */
    private static final TableDescriptor LINK = new TableDescriptor("analytics", "sales", "orders", Orders.TABLE.uuid(), Orders.TABLE.version(),
            Orders.TABLE.columns());

    private static List<String> names(AccessDecision decision) {
        return decision.columns().stream().map(c -> c.column().name()).toList();
    }

    private static AccessScope onLink(Principal grantee, Principal... alsoRestricted) {
        Set<Principal> restricted = new HashSet<>(Set.of(alsoRestricted));
        restricted.add(grantee);
        return new AccessScope(grantee, restricted, AccessScope.ObjectKind.LINK);
    }

    @Test
    void aLinkIsSelectedOnlyByGrantsThatNameIt() {
        PolicySet set = Orders.policy()
                .assign(LINK_REF, "sensitivity", "public")
                .grant(grant("everything").toGroups("consumers").on(new ObjectSelection.Everything()))
                .grant(grant("public-things").toGroups("consumers").on(taggedTables(TestPolicies.atMost("sensitivity", "public"))))
                .grant(grant("on-the-link").toGroups("consumers").on(named(ObjectRef.schema("analytics", "sales"))).columns(include("id", "card")))
                .build();
        PolicyEvaluator evaluator = new PolicyEvaluator(set);
        AccessDecision onLink = evaluator.decide(onLink(CAROL), LINK, new TestBinder());
        assertEquals(List.of("id", "card"), names(onLink), "all: true and tag matches select tables, never links");
        assertEquals(Set.of("on-the-link"), onLink.grants());
        AccessDecision direct = evaluator.decide(CAROL, LINK, new TestBinder());
        assertEquals(Set.of("everything", "on-the-link", "public-things"), direct.grants(), "the same name read as a table is selected by all three");
    }

    @Test
    void onALinkOnlyRestrictionsThatNameItApply() {
        PolicySet set = Orders.policy()
                .grant(grant("on-the-link").toGroups("consumers").on(named(LINK_REF)))
                .restriction(TestPolicies.rowFilter("consumer-eu-only", "region = 'EU'").on(named(LINK_REF)))
                .build();
        AccessDecision decision = new PolicyEvaluator(set).decide(onLink(CAROL), LINK, new TestBinder());
        assertEquals(List.of("region = 'EU'"), decision.rows().allOf(),
                "hide-apac (on every table) applied in the producer's layer already; the consumer's own restriction on the link applies");
        assertTrue(decision.columns().stream().allMatch(ColumnAccess::plain), "hash-emails (by tag) is not applied twice");
    }

    @Test
    void theRestrictionsOfEveryoneOnTheWayApply() {
        PolicySet set = Orders.policy()
                .user("carol", Set.of("cleared", "privacy"), Map.of())
                .grant(grant("producer-to-owner").toGroups("analytics-team"))
                .build();
        PolicyEvaluator evaluator = new PolicyEvaluator(set);
        AccessScope producerLayer = new AccessScope(OWNER, Set.of(OWNER, CAROL), AccessScope.ObjectKind.TABLE);
        AccessDecision decision = evaluator.decide(producerLayer, Orders.TABLE, new TestBinder());
        assertEquals(Set.of("producer-to-owner"), decision.grants(), "the owner's grants, not carol's");
        assertEquals(List.of("region <> 'APAC'"), decision.rows().allOf(), "carol is cleared, the owner is not: APAC stays hidden");
        assertTrue(decision.column("email").orElseThrow().masked(), "carol is in privacy, the owner is not: emails stay hashed");

        AccessDecision ownerAlone = evaluator.decide(new AccessScope(OWNER, Set.of(OWNER), AccessScope.ObjectKind.TABLE), Orders.TABLE, new TestBinder());
        assertEquals(decision.rows(), ownerAlone.rows());
        PolicySet ownerCleared = Orders.policy()
                .user("owner of link analytics.sales", Set.of("cleared"), Map.of())
                .grant(grant("producer-to-owner").toGroups("analytics-team"))
                .build();
        AccessDecision callerNotCleared = new PolicyEvaluator(ownerCleared).decide(producerLayer, Orders.TABLE, new TestBinder());
        assertEquals(List.of("region <> 'APAC'"), callerNotCleared.rows().allOf(), "the owner is cleared, carol is not: APAC stays hidden");
    }

    @Test
    void scopesAreDecidedAndCachedApart() {
        PolicySet set = Orders.policy()
                .grant(grant("on-the-link").toGroups("consumers").on(named(LINK_REF)).columns(include("id")))
                .grant(grant("everything").toGroups("consumers").on(new ObjectSelection.Everything()))
                .build();
        PolicyEvaluator evaluator = new PolicyEvaluator(set);
        assertEquals(List.of("id"), names(evaluator.decide(onLink(CAROL), LINK, new TestBinder())));
        assertEquals(7, names(evaluator.decide(CAROL, LINK, new TestBinder())).size());
        assertEquals(List.of("id"), names(evaluator.decide(onLink(CAROL), LINK, new TestBinder())));
    }

    @Test
    void aPolicyThatDoesNotKnowLinksShowsNothingThroughThem() {
        AccessPolicy direct = new AccessPolicy() {
            @Override
            public String revision() {
                return "r";
            }

            @Override
            public ResolvedPrincipal resolve(Principal principal) {
                return new ResolvedPrincipal(principal.name(), principal.groups(), Set.of(), Map.of(), Map.of());
            }

            @Override
            public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
                return AccessDecision.unrestricted("r", table);
            }
        };
        assertFalse(direct.decide(onLink(CAROL), LINK, new TestBinder()).visible());
        assertFalse(direct.decide(new AccessScope(OWNER, Set.of(OWNER, CAROL), AccessScope.ObjectKind.TABLE), Orders.TABLE, new TestBinder()).visible());
        assertTrue(direct.decide(AccessScope.direct(CAROL), Orders.TABLE, new TestBinder()).visible());
    }

    @Test
    void theGranteesRestrictionsAlwaysApply() {
        assertThrows(IllegalArgumentException.class, () -> new AccessScope(CAROL, Set.of(OWNER), AccessScope.ObjectKind.LINK));
    }

    @Test
    void aMaskOfAGrantOnALinkStrengthensWhatItShows() {
        PolicySet set = Orders.policy()
                .grant(grant("on-the-link").toGroups("consumers").on(named(LINK_REF)).mask(include("card"), Mask.of(MaskFunction.REDACT)))
                .build();
        AccessDecision decision = new PolicyEvaluator(set).decide(onLink(CAROL), LINK, new TestBinder());
        assertEquals(Mask.of(MaskFunction.REDACT), decision.column("card").orElseThrow().cases().get(0).mask());
        assertFalse(decision.column("card").orElseThrow().plain());
        assertTrue(decision.column("id").orElseThrow().plain());
    }
}
