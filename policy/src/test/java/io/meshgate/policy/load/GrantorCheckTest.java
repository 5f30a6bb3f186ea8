package io.meshgate.policy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ColumnKind;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PrincipalMatch;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GRANT_EXCEEDS_GRANTOR: a re-grant on a link gives at most what the link's owner gets on its target (POLICY.md section 4). */
class GrantorCheckTest {
    private static final ObjectRef LINK = ObjectRef.table("analytics", "sales", "orders");
    private static final List<ColumnDescriptor> COLUMNS = List.of(
            new ColumnDescriptor("id", 1, ColumnKind.NUMERIC), new ColumnDescriptor("region", 2, ColumnKind.STRING),
            new ColumnDescriptor("card", 3, ColumnKind.STRING), new ColumnDescriptor("notes", 4, ColumnKind.STRING));
    /** Binds SQL that names none of the columns the owner does not see. */
    private static final ExpressionBinder OWNER_VIEW = new ExpressionBinder() {
        @Override
        public Optional<String> rowPredicateProblem(String predicate) {
            return predicate.contains("notes") ? Optional.of("Column 'notes' not found") : Optional.empty();
        }

        @Override
        public Optional<String> customMaskProblem(String expression, ColumnDescriptor column) {
            return rowPredicateProblem(expression);
        }
    };
    /** The owner may select id, region and card (masked for it or not: masks never matter here). */
    private static final LinkGrantor SELECTING_OWNER = new LinkGrantor(LINK, "commerce.sales.orders", COLUMNS,
            EnumSet.of(Permission.DESCRIBE, Permission.SELECT), Set.of("id", "region", "card"), OWNER_VIEW);

    private static int line = 10;

    private static Grant grant(ObjectRef on, Set<Permission> permissions, ColumnSelection columns, Optional<String> rows, List<ColumnMask> masks) {
        return new Grant("g" + line, new PrincipalMatch(false, Set.of(), Set.of("consumers"), Set.of()), permissions,
                new ObjectSelection.Named(List.of(on)), columns, rows, masks, Optional.empty(), Optional.empty(), new Origin("links.yaml", line++));
    }

    private static Grant select(ColumnSelection columns) {
        return grant(LINK, Set.of(Permission.SELECT), columns, Optional.empty(), List.of());
    }

    private static List<PolicyProblem> problems(LinkGrantor grantor, Grant... grants) {
        PolicySet set = new PolicySet(List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(grants), List.of(), "r");
        return GrantorCheck.problems(set, List.of(grantor));
    }

    @Test
    void aGrantWithinWhatTheOwnerSeesPasses() {
        assertEquals(List.of(), problems(SELECTING_OWNER,
                select(new ColumnSelection.Include(Set.of("id", "card"))),
                grant(LINK, Set.of(Permission.SELECT), new ColumnSelection.Include(Set.of("ID", "region")), Optional.of("region = 'EU'"),
                        List.of(new ColumnMask(new ColumnSelection.Include(Set.of("card")), Mask.of(MaskFunction.REDACT)))),
                grant(LINK, Set.of(Permission.DESCRIBE), new ColumnSelection.AllColumns(), Optional.empty(), List.of())));
    }

    @Test
    void columnsTheOwnerDoesNotSeeExceedTheGrantor() {
        for (ColumnSelection wide : List.of(new ColumnSelection.Include(Set.of("id", "notes")), new ColumnSelection.AllColumns(),
                new ColumnSelection.Same(), new ColumnSelection.Exclude(Set.of("card")))) {
            List<PolicyProblem> problems = problems(SELECTING_OWNER, select(wide));
            assertEquals(1, problems.size(), wide.toString());
            PolicyProblem problem = problems.get(0);
            assertEquals("links.yaml", problem.file());
            assertEquals("grant-exceeds-grantor", problem.rule());
            assertTrue(problem.message().contains("column(s) notes, which the owner does not see"), problem.message());
            assertTrue(problem.message().contains("analytics.sales.orders") && problem.message().contains("commerce.sales.orders"), problem.message());
        }
    }

    @Test
    void permissionsTheOwnerDoesNotHaveExceedTheGrantor() {
        LinkGrantor describingOwner = new LinkGrantor(LINK, "commerce.sales.orders", COLUMNS, EnumSet.of(Permission.DESCRIBE), Set.of(), OWNER_VIEW);
        assertEquals(List.of(), problems(describingOwner, grant(LINK, Set.of(Permission.DESCRIBE), new ColumnSelection.AllColumns(),
                Optional.empty(), List.of())));
        PolicyProblem select = problems(describingOwner, select(new ColumnSelection.Include(Set.of("id")))).get(0);
        assertTrue(select.message().contains("it gives SELECT, which the owner does not have"), select.message());
        PolicyProblem metadata = problems(SELECTING_OWNER, grant(LINK, Set.of(Permission.SELECT, Permission.METADATA_READ),
                new ColumnSelection.Include(Set.of("id")), Optional.empty(), List.of())).get(0);
        assertTrue(metadata.message().contains("it gives METADATA_READ"), metadata.message());
        LinkGrantor nothing = new LinkGrantor(LINK, "commerce.sales.orders", COLUMNS, Set.of(), Set.of(), OWNER_VIEW);
        assertEquals(1, problems(nothing, grant(LINK, Set.of(Permission.DESCRIBE), new ColumnSelection.AllColumns(), Optional.empty(), List.of())).size());
    }

    @Test
    void rowPredicatesAndCustomMasksMayReadOnlyWhatTheOwnerSees() {
        PolicyProblem rows = problems(SELECTING_OWNER, grant(LINK, Set.of(Permission.SELECT), new ColumnSelection.Include(Set.of("id")),
                Optional.of("notes LIKE '%vip%'"), List.of())).get(0);
        assertTrue(rows.message().contains("its row predicate does not bind to what the owner sees"), rows.message());
        PolicyProblem mask = problems(SELECTING_OWNER, grant(LINK, Set.of(Permission.SELECT), new ColumnSelection.Include(Set.of("id", "card")),
                Optional.empty(), List.of(new ColumnMask(new ColumnSelection.Include(Set.of("card")), Mask.custom("notes || card", 3))))).get(0);
        assertTrue(mask.message().contains("its CUSTOM mask on card does not bind"), mask.message());
    }

    @Test
    void grantsNamingTheLinksSchemaOrDomainAreCheckedOthersAreNot() {
        assertEquals(1, problems(SELECTING_OWNER, grant(ObjectRef.schema("analytics", "sales"), Set.of(Permission.SELECT),
                new ColumnSelection.AllColumns(), Optional.empty(), List.of())).size());
        assertEquals(1, problems(SELECTING_OWNER, grant(ObjectRef.domain("Analytics"), Set.of(Permission.SELECT),
                new ColumnSelection.AllColumns(), Optional.empty(), List.of())).size());
        assertEquals(List.of(), problems(SELECTING_OWNER, grant(ObjectRef.table("analytics", "sales", "items"), Set.of(Permission.SELECT),
                new ColumnSelection.AllColumns(), Optional.empty(), List.of())));
        assertEquals(List.of(), problems(SELECTING_OWNER, grant(ObjectRef.table("commerce", "sales", "orders"), Set.of(Permission.SELECT),
                new ColumnSelection.AllColumns(), Optional.empty(), List.of())), "grants on the target are the producer's");
        PolicySet set = new PolicySet(List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(select(new ColumnSelection.AllColumns())), List.of(), "r");
        assertTrue(GrantorCheck.named(set, LINK));
        assertFalse(GrantorCheck.named(set, ObjectRef.table("analytics", "sales", "items")));
    }

    @Test
    void aSetWithAnyExcessIsRefusedWhole() {
        PolicySet set = new PolicySet(List.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of(select(new ColumnSelection.Include(Set.of("id"))), select(new ColumnSelection.AllColumns())), List.of(), "r");
        PolicyLoadException refused = assertThrows(PolicyLoadException.class, () -> GrantorCheck.requireWithinGrantors(set, List.of(SELECTING_OWNER)));
        assertEquals(1, refused.problems().size());
        assertTrue(refused.getMessage().contains("links.yaml:"), refused.getMessage());
    }
}
