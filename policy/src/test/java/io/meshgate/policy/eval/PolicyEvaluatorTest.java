package io.meshgate.policy.eval;

import static io.meshgate.policy.eval.TestPolicies.columnMask;
import static io.meshgate.policy.eval.TestPolicies.grant;
import static io.meshgate.policy.eval.TestPolicies.in;
import static io.meshgate.policy.eval.TestPolicies.include;
import static io.meshgate.policy.eval.TestPolicies.rowFilter;
import static io.meshgate.policy.eval.TestPolicies.taggedTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.Principal;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PrincipalMatch;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POLICY.md section 2, rule by rule, plus principals, tags, validity and caching. */
class PolicyEvaluatorTest {
    private static final Principal CAROL = new Principal("carol", Set.of("team"));
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private static AccessDecision decide(PolicySet set, Principal principal) {
        return new PolicyEvaluator(set).decide(principal, Orders.TABLE, new TestBinder());
    }

    private static AccessDecision decide(TestPolicies.PolicySetBuilder policy, Principal principal) {
        return decide(policy.build(), principal);
    }

    private static List<String> names(AccessDecision decision) {
        return decision.columns().stream().map(c -> c.column().name()).toList();
    }

    @Test
    void r1NoGrantNoAccess() {
        TestPolicies.PolicySetBuilder onlyGuardrails = Orders.policy()
                .restriction(columnMask("mask-all", new ColumnSelection.AllColumns(), Mask.of(MaskFunction.NULLIFY)));
        assertFalse(decide(onlyGuardrails, CAROL).visible(), "restrictions and other groups' grants give nothing");
        assertFalse(decide(TestPolicies.policy(), CAROL).visible(), "an empty policy set has no everyone default");
        assertTrue(decide(Orders.policy().grant(grant("team").toGroups("team")), CAROL).visible());
    }

    @Test
    void r2DescribeOnlyIsVisibleWithoutColumns() {
        AccessDecision describeOnly = decide(Orders.policy().grant(grant("catalog").toGroups("team").permissions(Permission.DESCRIBE)), CAROL);
        assertTrue(describeOnly.visible());
        assertEquals(Denial.Reason.NO_SELECT, describeOnly.denial().orElseThrow().reason());
        assertEquals(List.of(), describeOnly.columns(), "visible columns are those of SELECT grants");
        assertEquals(Set.of("catalog"), describeOnly.grants());

        AccessDecision noColumns = decide(Orders.policy().grant(grant("nothing").toGroups("team").columns(include("gone"))), CAROL);
        assertFalse(noColumns.visible(), "a grant on an empty set of columns does not make the table visible");

        AccessDecision mixed = decide(Orders.policy()
                .grant(grant("catalog").toGroups("team").permissions(Permission.DESCRIBE))
                .grant(grant("ids").toGroups("team").columns(include("id"))), CAROL);
        assertEquals(List.of("id"), names(mixed));
        assertEquals(Optional.empty(), mixed.denial());
    }

    @Test
    void r3VisibleColumnsAreTheUnionInTableOrder() {
        AccessDecision decision = decide(Orders.policy()
                .grant(grant("a").toGroups("team").columns(include("amount", "id")))
                .grant(grant("b").toGroups("team").columns(include("notes", "id"))), CAROL);
        assertEquals(List.of("id", "amount", "notes"), names(decision));
    }

    @Test
    void r4RowsAreAnyGrantAndEveryRestriction() {
        TestPolicies.PolicySetBuilder policy = Orders.policy()
                .grant(grant("eu").toGroups("team").columns(include("id")).rows("region = 'EU'"))
                .grant(grant("us").toGroups("team").columns(include("id")).rows("region = 'US'"))
                .restriction(rowFilter("not-row-3", "id <> '3'").to(TestPolicies.groups("team")));
        AccessDecision limited = decide(policy, CAROL);
        assertEquals(List.of("region = 'EU'", "region = 'US'"), limited.rows().anyOf());
        assertEquals(List.of("region <> 'APAC'", "id <> '3'"), limited.rows().allOf());

        AccessDecision unlimited = decide(policy.grant(grant("all-rows").toGroups("cleared").columns(include("id"))),
                new Principal("cleo", Set.of("team", "cleared")));
        assertEquals(List.of(), unlimited.rows().anyOf(), "a grant without predicate admits every row");
        assertEquals(List.of("id <> '3'"), unlimited.rows().allOf(), "cleared is excepted from the APAC restriction only");
        assertEquals(Set.of("not-row-3"), unlimited.restrictions());
    }

    @Test
    void r5CellsShowOnlyWhereAGrantCoversRowAndColumn() {
        Principal otto = new Principal("otto", Set.of("ops", "us-finance", "privacy"));
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy()
                .grant(grant("us-amount").toGroups("us-finance").columns(include("id", "amount")).rows("region <> 'EU'"))
                .build());
        AccessDecision decision = policy.decide(otto, Orders.TABLE, new TestBinder());

        assertEquals(List.of("id", "email", "amount"), names(decision));
        assertEquals(List.of(
                Arrays.asList(1, "ana.b@example.com", null),
                Arrays.asList(2, null, 80),
                Arrays.asList(3, "cy@example.net", null)),
                Shown.rows(decision, policy.resolve(otto)));
        assertTrue(decision.column("id").orElseThrow().plain());
        assertTrue(decision.column("email").orElseThrow().cellNulled());
        assertFalse(decision.column("email").orElseThrow().plain());
    }

    @Test
    void r6WeakestGrantMaskThenStrongestRestrictionMask() {
        Principal fraudEu = new Principal("fiona", Set.of("fraud", "card-eu"));
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy()
                .grant(grant("card-eu").toGroups("card-eu").columns(include("id", "card", "email")).rows("region = 'EU'")
                        .mask(include("email"), Mask.of(MaskFunction.REDACT)))
                .build());
        AccessDecision decision = policy.decide(fraudEu, Orders.TABLE, new TestBinder());

        assertEquals(List.of(new CellCase(Optional.of("region = 'EU'"), Mask.NONE), new CellCase(Optional.empty(), Orders.LAST_4)),
                decision.column("card").orElseThrow().cases(), "the unmasked EU grant wins where it covers the row");
        List<List<Object>> rows = Shown.rows(decision, policy.resolve(fraudEu));
        int card = names(decision).indexOf("card");
        assertEquals(List.of(Orders.CARD_1, "************0004", "340000000000009"), rows.stream().map(r -> r.get(card)).toList());
        assertEquals(List.of(new CellCase(Optional.empty(), Mask.of(MaskFunction.HASH))), decision.column("email").orElseThrow().cases(),
                "fraud's unmasked email is HASHed by the restriction; card-eu's REDACT is never the weakest");

        AccessDecision redacted = policy.decide(new Principal("rita", Set.of("card-eu")), Orders.TABLE, new TestBinder());
        assertEquals(List.of(new CellCase(Optional.empty(), Mask.of(MaskFunction.REDACT))), redacted.column("email").orElseThrow().cases(),
                "a grant mask stronger than the restriction's wins");
    }

    @Test
    void r8UnbindablePredicateOrUndeclaredAttributeDropsTheGrant() {
        AccessDecision decision = decide(Orders.policy()
                .grant(grant("bad-column").toGroups("team").columns(include("notes")).rows(TestBinder.UNKNOWN_COLUMN + " = 1"))
                .grant(grant("bad-attribute").toGroups("team").columns(include("amount")).rows("region = :principal.site"))
                .grant(grant("good").toGroups("team").columns(include("id"))), CAROL);

        assertEquals(Set.of("bad-column", "bad-attribute"), decision.dropped());
        assertEquals(List.of("id"), names(decision));
        assertEquals(Set.of("good"), decision.grants());
    }

    @Test
    void r8UndeclaredTagKeyDropsTheGrant() {
        AccessDecision decision = decide(Orders.policy()
                .grant(grant("by-owner").toGroups("team").on(taggedTables(in("owner", "finance")))), CAROL);
        assertFalse(decision.visible());
        assertEquals(Set.of("by-owner"), decision.dropped());

        AccessDecision undeclaredValue = decide(Orders.policy()
                .grant(grant("by-column-tag").toGroups("team").columns(new ColumnSelection.Tagged(in("pii", "phone")))), CAROL);
        assertEquals(Set.of("by-column-tag"), undeclaredValue.dropped());
    }

    @Test
    void r8MaskThatDoesNotFitTheColumnDropsTheGrant() {
        AccessDecision rounded = decide(Orders.policy()
                .grant(grant("round-card").toGroups("team").mask(include("card"), Mask.withN(MaskFunction.ROUND_TO, 0)))
                .grant(grant("year-amount").toGroups("team").mask(include("amount"), Mask.of(MaskFunction.DATE_YEAR_ONLY)))
                .grant(grant("custom").toGroups("team").mask(include("notes"), Mask.custom("substr(" + TestBinder.UNKNOWN_COLUMN + ", 1)", 3)))
                .grant(grant("ok").toGroups("team").columns(include("day")).mask(include("day"), Mask.of(MaskFunction.DATE_YEAR_ONLY))), CAROL);
        assertEquals(Set.of("round-card", "year-amount", "custom"), rounded.dropped());
        assertEquals(List.of("day"), names(rounded));

        ColumnDescriptor address = new ColumnDescriptor("address", 8, ColumnKind.NESTED);
        TableDescriptor withNested = Orders.withColumns(Orders.TABLE.uuid(), "s2", List.of(Orders.ID, address));
        PolicyEvaluator nested = new PolicyEvaluator(TestPolicies.policy()
                .grant(grant("redacted").toGroups("team").mask(include("address"), Mask.of(MaskFunction.REDACT)))
                .grant(grant("constant").toGroups("team").mask(include("address"), Mask.constant("'n/a'")))
                .grant(grant("nulled").toGroups("team").mask(include("address"), Mask.of(MaskFunction.NULLIFY)))
                .build());
        AccessDecision decision = nested.decide(CAROL, withNested, new TestBinder());
        assertEquals(Set.of("redacted", "constant"), decision.dropped());
        assertEquals(List.of(new CellCase(Optional.empty(), Mask.of(MaskFunction.NULLIFY))), decision.column("address").orElseThrow().cases());
    }

    @Test
    void r8UnsetAttributeIsNullNotAnError() {
        Principal newAnalyst = new Principal("nell", Set.of("analysts"));
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy().build());
        AccessDecision decision = policy.decide(newAnalyst, Orders.TABLE, new TestBinder());

        assertEquals(Set.of(), decision.dropped());
        assertEquals(List.of("id", "region", "amount", "day"), names(decision));
        assertEquals(List.of(), Shown.rows(decision, policy.resolve(newAnalyst)), "region = NULL is not TRUE");
    }

    @Test
    void r8UnevaluableRestrictionMakesTheTableInaccessible() {
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy()
                .restriction(rowFilter("broken", TestBinder.UNKNOWN_COLUMN + " <> 'x'").exceptGroups("auditors"))
                .build());

        AccessDecision analyst = policy.decide(Orders.ANA, Orders.TABLE, new TestBinder());
        assertTrue(analyst.visible(), "the user gets a clear error, not 'table not found'");
        assertEquals(Denial.Reason.POLICY_UNEVALUABLE, analyst.denial().orElseThrow().reason());
        assertFalse(analyst.denial().orElseThrow().message().contains(TestBinder.UNKNOWN_COLUMN));
        assertEquals(List.of(), analyst.columns());
        assertFalse(policy.decide(Orders.NOBODY, Orders.TABLE, new TestBinder()).visible(), "a broken restriction reveals nothing");
        assertEquals(Optional.empty(), policy.decide(new Principal("aud", Set.of("analysts", "auditors")), Orders.TABLE, new TestBinder()).denial());

        AccessDecision unknownTag = decide(Orders.policy()
                .restriction(rowFilter("by-owner", "region <> 'EU'").on(taggedTables(in("owner", "finance")))), Orders.ANA);
        assertEquals(Denial.Reason.POLICY_UNEVALUABLE, unknownTag.denial().orElseThrow().reason(), "an unknown tag may select any table");

        AccessDecision misfit = decide(Orders.policy()
                .restriction(columnMask("hash-amount", include("amount"), Mask.of(MaskFunction.HASH))), Orders.ANA);
        assertEquals(Denial.Reason.POLICY_UNEVALUABLE, misfit.denial().orElseThrow().reason());
    }

    @Test
    void resolveUnitesGroupsAndInheritsRolesTransitively() {
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy()
                .role("reader", Set.of(), Set.of(), Set.of())
                .role("auditor", Set.of("reader"), Set.of(), Set.of("ops"))
                .role("lead", Set.of("auditor"), Set.of("zed"), Set.of())
                .grant(grant("readers").to(new PrincipalMatch(false, Set.of(), Set.of(), Set.of("reader"))).columns(include("id")))
                .build());

        ResolvedPrincipal uma = policy.resolve(Orders.UMA);
        assertEquals(Set.of("analysts", "ops"), uma.groups());
        assertEquals(Set.of("auditor", "reader"), uma.roles());
        assertEquals(Optional.of(new AttributeValue(AttributeType.VARCHAR, "US")), uma.attribute("region"));
        assertEquals(Set.of("auditor", "lead", "reader"), policy.resolve(Principal.of("zed")).roles());
        assertTrue(policy.decide(Principal.of("zed"), Orders.TABLE, new TestBinder()).visible(), "zed holds reader through lead and auditor");

        ResolvedPrincipal stranger = policy.resolve(Principal.of("stranger"));
        assertEquals(Set.of(), stranger.roles());
        assertEquals(Optional.empty(), stranger.attribute("region"));
        assertEquals(Map.of("region", AttributeType.VARCHAR), stranger.declaredAttributes());
    }

    @Test
    void tagsInheritAndOverridePerKey() {
        TableTags tags = TableTags.of(Orders.TABLE, Orders.policy().build().assignments(), new TagBindings());
        assertEquals(Map.of("domain", Set.of("commerce"), "sensitivity", Set.of("internal")), tags.table().values());
        assertEquals(Map.of("domain", Set.of("commerce"), "sensitivity", Set.of("confidential"), "pii", Set.of("email")),
                tags.column(Orders.EMAIL).values());

        AccessDecision byDomain = decide(Orders.policy()
                .grant(grant("commerce").toGroups("team").on(taggedTables(in("domain", "commerce"))).columns(new ColumnSelection.Same())), CAROL);
        assertEquals(7, byDomain.columns().size(), "every column inherits the domain's tag");
        assertFalse(decide(Orders.policy()
                .grant(grant("public").toGroups("team").on(taggedTables(in("sensitivity", "public")))), CAROL).visible(),
                "the table overrides the domain's sensitivity");
        assertEquals(List.of("email", "notes"), names(decide(Orders.policy()
                .grant(grant("confidential").toGroups("team").columns(new ColumnSelection.Tagged(in("sensitivity", "confidential")))), CAROL)));
    }

    @Test
    void tagsAreShownInheritedAndOverriddenPerColumn() {
        TagAssignments tags = new PolicyEvaluator(Orders.policy().build()).tags(Orders.TABLE);
        assertEquals(Map.of("domain", Set.of("commerce"), "sensitivity", Set.of("internal")), tags.table());
        assertEquals(Map.of("domain", Set.of("commerce"), "sensitivity", Set.of("restricted"), "pii", Set.of("card")), tags.column("card"));
        assertEquals(tags.table(), tags.column("id"), "a column without its own assignment inherits the table's tags");
        assertEquals(Map.of(), tags.column("no_such_column"));
        assertEquals(Set.of("id"), tags.onlyColumns("id"::equals).columns().keySet(), "a principal's view keeps only its visible columns");
        assertEquals(TagAssignments.NONE, OpenAccessPolicy.allowAll().tags(Orders.TABLE), "no policy set, no tags");
    }

    @Test
    void tagsFollowARenamedColumn() {
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy().build());
        policy.tags(Orders.TABLE);
        ColumnDescriptor contact = new ColumnDescriptor("contact", Orders.EMAIL.fieldId(), ColumnKind.STRING);
        TableDescriptor renamed = Orders.withColumns(Orders.TABLE.uuid(), "s2", List.of(Orders.ID, contact));
        assertEquals(Set.of("email"), policy.tags(renamed).column("contact").get("pii"));
    }

    @Test
    void renamedColumnKeepsItsTagsAcrossReloads() {
        SettableClock clock = new SettableClock(T0);
        PolicyEvaluator first = new PolicyEvaluator(Orders.policy().build(), new TagBindings(), clock);
        first.decide(Orders.ANA, Orders.TABLE, new TestBinder());
        ColumnDescriptor contact = new ColumnDescriptor("contact", Orders.EMAIL.fieldId(), ColumnKind.STRING);
        TableDescriptor renamed = Orders.withColumns(Orders.TABLE.uuid(), "s2",
                List.of(Orders.ID, Orders.REGION, contact, Orders.CARD, Orders.AMOUNT, Orders.DAY, Orders.NOTES));

        assertEquals(List.of(new CellCase(Optional.empty(), Mask.of(MaskFunction.HASH))),
                first.decide(Orders.FRED, renamed, new TestBinder()).column("contact").orElseThrow().cases(), "pii=email followed the field id");
        PolicyEvaluator next = new PolicyEvaluator(Orders.policy().build("r2"), first.bindings(), clock);
        AccessDecision afterReload = next.decide(Orders.FRED, renamed, new TestBinder());
        assertEquals("r2", afterReload.revision());
        assertTrue(afterReload.column("contact").orElseThrow().masked());
        assertEquals(List.of("id", "region", "amount", "day"), names(next.decide(Orders.ANA, renamed, new TestBinder())),
                "sensitivity=confidential followed it too");
    }

    @Test
    void recreatedTableWithTheSameNameKeepsItsTags() {
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy().build());
        policy.decide(Orders.FRED, Orders.TABLE, new TestBinder());
        TableDescriptor recreated = Orders.withColumns("9e1d-orders", "s1",
                List.of(Orders.ID, new ColumnDescriptor("email", 12, ColumnKind.STRING)));

        assertTrue(policy.decide(Orders.FRED, recreated, new TestBinder()).column("email").orElseThrow().masked());
    }

    @Test
    void disagreeingAssignmentsOnOneColumnFailClosedBothWays() {
        PolicyEvaluator first = new PolicyEvaluator(Orders.policy().build());
        first.decide(Orders.ANA, Orders.TABLE, new TestBinder());
        ColumnDescriptor contact = new ColumnDescriptor("contact", Orders.EMAIL.fieldId(), ColumnKind.STRING);
        TableDescriptor renamed = Orders.withColumns(Orders.TABLE.uuid(), "s2", List.of(Orders.ID, Orders.REGION, contact));
        PolicyEvaluator next = new PolicyEvaluator(Orders.policy()
                .assign(Orders.column("contact"), "sensitivity", "public", "pii", "card")
                .build("r2"), first.bindings(), Clock.systemUTC());

        assertEquals(List.of("id", "region"), names(next.decide(Orders.ANA, renamed, new TestBinder())),
                "a grant needs every candidate value to match: confidential does not");
        assertTrue(next.decide(Orders.FRED, renamed, new TestBinder()).column("contact").orElseThrow().masked(),
                "a restriction needs one candidate value to match: pii=email does");
    }

    @Test
    void grantAppliesOnlyInsideItsValidityWindow() {
        SettableClock clock = new SettableClock(T0);
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy()
                .grant(grant("temporary").toGroups("team").validBetween(T0.plusSeconds(60), T0.plusSeconds(120)))
                .build(), new TagBindings(), clock);

        assertFalse(policy.decide(CAROL, Orders.TABLE, new TestBinder()).visible());
        clock.set(T0.plusSeconds(60));
        assertTrue(policy.decide(CAROL, Orders.TABLE, new TestBinder()).visible(), "the cached decision does not outlive its window");
        clock.set(T0.plusSeconds(119));
        assertTrue(policy.decide(CAROL, Orders.TABLE, new TestBinder()).visible());
        clock.set(T0.plusSeconds(120));
        assertFalse(policy.decide(CAROL, Orders.TABLE, new TestBinder()).visible());
    }

    @Test
    void decisionsAreCachedPerPrincipalAndTableVersion() {
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy().build());
        TestBinder binder = new TestBinder();
        AccessDecision first = policy.decide(Orders.FRED, Orders.TABLE, binder);
        int calls = binder.calls();

        assertSame(first, policy.decide(Orders.FRED, Orders.TABLE, binder));
        assertEquals(calls, binder.calls(), "a cached decision does not bind again");
        AccessDecision privacy = policy.decide(new Principal("fred", Set.of("fraud", "privacy")), Orders.TABLE, binder);
        assertFalse(privacy.column("email").orElseThrow().masked());
        assertNotEquals(first, privacy);
        AccessDecision nextVersion = policy.decide(Orders.FRED, Orders.withColumns(Orders.TABLE.uuid(), "s2", Orders.TABLE.columns()), binder);
        assertEquals("s2", nextVersion.table().version());
    }

    @Test
    void openPolicyGivesEverythingToEveryone() {
        AccessPolicy open = OpenAccessPolicy.allowAll();
        AccessDecision decision = open.decide(Orders.NOBODY, Orders.TABLE, new AcceptingBinder());
        assertEquals("none", open.revision());
        assertTrue(decision.isFullAccess());
        assertTrue(decision.metadataRead());
        assertEquals(Set.of("visitors"), open.resolve(Orders.NOBODY).groups());
    }
}
