package io.meshgate.policy.eval;

import static io.meshgate.policy.eval.TestPolicies.grant;
import static io.meshgate.policy.eval.TestPolicies.include;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.Principal;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Permission;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cases of POLICY.md section 7 that are decided by the policy module alone. */
class Section7CasesTest {
    private static final PolicyEvaluator POLICY = new PolicyEvaluator(Orders.policy()
            .grant(grant("admins-all").toGroups("admins").on(new ObjectSelection.Everything())
                    .permissions(Permission.SELECT, Permission.METADATA_READ))
            .grant(grant("analysts-metadata").toGroups("analysts").permissions(Permission.METADATA_READ))
            .build());

    private static AccessDecision decide(Principal principal) {
        return POLICY.decide(principal, Orders.TABLE, new TestBinder());
    }

    private static List<String> names(AccessDecision decision) {
        return decision.columns().stream().map(c -> c.column().name()).toList();
    }

    @Test
    void case1AnalystSeesInternalColumnsOfOwnRegion() {
        AccessDecision decision = decide(Orders.ANA);

        assertTrue(decision.visible());
        assertEquals(Optional.empty(), decision.denial());
        assertEquals(List.of("id", "region", "amount", "day"), names(decision));
        assertEquals(List.of(
                Arrays.asList(1, "EU", 120, LocalDate.of(2026, 1, 5)),
                Arrays.asList(3, "EU", 260, LocalDate.of(2026, 3, 15))),
                Shown.rows(decision, POLICY.resolve(Orders.ANA)));
        assertEquals(List.of("region = :principal.region"), decision.rows().anyOf());
        assertEquals(List.of("region <> 'APAC'"), decision.rows().allOf());
        assertTrue(decision.columns().stream().allMatch(ColumnAccess::plain), "one grant covers every visible column on every visible row");
        assertEquals(Set.of("analysts-internal"), decision.grants());
        assertEquals(Set.of("hide-apac"), decision.restrictions());
    }

    @Test
    void case2HiddenColumnIsAbsentLikeAMissingOne() {
        AccessDecision decision = decide(Orders.ANA);

        assertEquals(decision.column("no_such_column"), decision.column("card"));
        assertTrue(names(decision).stream().noneMatch(List.of("email", "card", "notes")::contains));
        assertEquals(AccessDecision.invisible("r1", Orders.TABLE, Set.of()), decide(Orders.NOBODY),
                "a principal without grants learns nothing about the table");
    }

    @Test
    void case3AnalystInOpsSeesUnionOfRowsWithCellLevelNulls() {
        AccessDecision decision = decide(Orders.UMA);

        assertEquals(List.of("id", "region", "email", "amount", "day"), names(decision));
        assertEquals(List.of(
                Arrays.asList(1, null, "HASH(ana.b@example.com)", null, null),
                Arrays.asList(2, "US", null, 80, LocalDate.of(2026, 2, 10)),
                Arrays.asList(3, null, "HASH(cy@example.net)", null, null)),
                Shown.rows(decision, POLICY.resolve(Orders.UMA)));
        ColumnAccess id = decision.column("id").orElseThrow();
        assertTrue(id.plain(), "both grants cover id, so every visible row shows it");
        ColumnAccess region = decision.column("region").orElseThrow();
        assertEquals(List.of(new CellCase(Optional.of("region = :principal.region"), Mask.NONE)), region.cases());
        assertTrue(region.cellNulled());
        ColumnAccess email = decision.column("email").orElseThrow();
        assertEquals(List.of(new CellCase(Optional.of("region = 'EU'"), Mask.of(MaskFunction.HASH))), email.cases());
        assertEquals(Set.of("analysts-internal", "ops-eu"), decision.grants());
        assertEquals(Set.of("hide-apac", "hash-emails"), decision.restrictions());
    }

    @Test
    void case5And6FraudSeesCardThroughItsMask() {
        AccessDecision decision = decide(Orders.FRED);

        ColumnAccess card = decision.column("card").orElseThrow();
        assertEquals(List.of(new CellCase(Optional.empty(), Orders.LAST_4)), card.cases());
        assertTrue(card.masked());
        assertFalse(card.plain(), "a masked column is never plain, so no predicate on it moves below the barrier");
        List<Object> shownCards = Shown.rows(decision, POLICY.resolve(Orders.FRED)).stream()
                .map(row -> row.get(names(decision).indexOf("card")))
                .toList();
        assertFalse(shownCards.contains(Orders.CARD_1), "WHERE card = '<full number>' finds nothing");
        assertEquals(1, shownCards.stream().filter(c -> c.toString().endsWith("1111")).count(), "LIKE '%1111' matches row 1");
        assertEquals(List.of(new CellCase(Optional.empty(), Mask.of(MaskFunction.HASH))), decision.column("email").orElseThrow().cases());
        assertEquals(List.of("id", "region", "email", "card", "amount", "day"), names(decision));
        assertEquals(List.of(1, 2, 3), Shown.ids(decision, POLICY.resolve(Orders.FRED)));
    }

    @Test
    void case12MetadataReadOnlyWithFullAccess() {
        assertFalse(decide(Orders.ANA).metadataRead(), "analysts hold METADATA_READ but their access is restricted");
        AccessDecision admin = decide(new Principal("root", Set.of("admins", "cleared", "privacy")));
        assertTrue(admin.isFullAccess());
        assertTrue(admin.metadataRead());
        assertEquals(Set.of("admins-all"), admin.grants());
        AccessDecision restrictedAdmin = decide(new Principal("kim", Set.of("admins", "privacy")));
        assertFalse(restrictedAdmin.metadataRead(), "the APAC restriction applies to kim");
        assertFalse(decide(new Principal("cleo", Set.of("fraud", "cleared", "privacy"))).metadataRead(), "fraud holds no METADATA_READ");
    }

    @Test
    void case14TwoMasksOfSameStrengthConflict() {
        PolicyEvaluator policy = new PolicyEvaluator(Orders.policy()
                .grant(grant("support-card").toGroups("support").columns(include("id", "card"))
                        .mask(include("card"), Mask.withN(MaskFunction.SHOW_FIRST_N, 6)))
                .build());

        AccessDecision decision = policy.decide(new Principal("sam", Set.of("fraud", "support")), Orders.TABLE, new TestBinder());

        assertTrue(decision.visible());
        Denial denial = decision.denial().orElseThrow();
        assertEquals(Denial.Reason.MASK_CONFLICT, denial.reason());
        assertTrue(denial.message().contains("commerce.sales.orders") && denial.message().contains("'card'"), denial.message());
        assertFalse(denial.message().contains("SHOW") || denial.message().contains("support-card") || denial.message().contains("fraud-all"),
                "no policy text in the message: " + denial.message());
        assertEquals(List.of(), decision.columns());
        assertEquals(Optional.empty(), policy.decide(Orders.FRED, Orders.TABLE, new TestBinder()).denial(), "fraud alone has one mask");
    }
}
