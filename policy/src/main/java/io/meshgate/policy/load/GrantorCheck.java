package io.meshgate.policy.load;

import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rejects consumer re-grants that exceed their grantor (POLICY.md section 4, GRANT_EXCEEDS_GRANTOR).
 *
 * <p>A grant whose {@code on} names a resource link (the link's table, its schema or its domain)
 * re-grants what the link's owner gets on the target; the owner is its grantor. For every table
 * reached through a link ({@link LinkGrantor}) and every grant naming it, the grant must not
 * <ul>
 * <li>give a permission the owner does not have there;</li>
 * <li>with SELECT, select a column the owner does not see (columns are selected among all the
 * target's columns: {@code all: true}, {@code match: SAME} and an exclude list select hidden ones
 * too; a link has no tags, so a tag match selects none);</li>
 * <li>have a row predicate, or a CUSTOM mask on a column it shows, that does not bind against the
 * columns the owner sees, as they show them to it (a re-grant cannot filter on what its grantor
 * cannot see, nor on the raw value of a column masked for it).</li>
 * </ul>
 * Masks and row predicates otherwise only narrow, so they never exceed. At run time the access
 * through a link is bounded by the owner's whatever a grant says; this check makes the files say
 * no more than what holds.
 */
public final class GrantorCheck {
    private GrantorCheck() {
    }

    /** Every re-grant of {@code set} that exceeds its grantor, one problem per grant and table, at the grant's file and line. */
    public static List<PolicyProblem> problems(PolicySet set, List<LinkGrantor> grantors) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (Grant grant : set.grants()) {
            if (!(grant.on() instanceof ObjectSelection.Named named)) {
                continue;
            }
            for (LinkGrantor grantor : grantors) {
                if (named.objects().stream().anyMatch(ref -> covers(ref, grantor.table()))) {
                    excess(grant, grantor).ifPresent(excess -> problems.add(new PolicyProblem(grant.origin().file(), grant.origin().line(),
                            Rules.GRANT_EXCEEDS_GRANTOR, "grant '" + grant.id() + "' on link " + grantor.table() + " exceeds its grantor, the link's owner: "
                            + excess + " (grant on a link only what its owner gets on " + grantor.target()
                            + ", or have the owner granted more there)")));
                }
            }
        }
        return problems;
    }

    /** True when some grant of {@code set} names {@code table}, its schema or its domain: only such tables need a {@link LinkGrantor}. */
    public static boolean named(PolicySet set, ObjectRef table) {
        return set.grants().stream()
                .filter(grant -> grant.on() instanceof ObjectSelection.Named)
                .anyMatch(grant -> ((ObjectSelection.Named) grant.on()).objects().stream().anyMatch(ref -> covers(ref, table)));
    }

    /**
     * Throws when {@link #problems} finds any.
     *
     * @throws PolicyLoadException listing every re-grant that exceeds its grantor
     */
    public static void requireWithinGrantors(PolicySet set, List<LinkGrantor> grantors) {
        List<PolicyProblem> problems = problems(set, grantors);
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
    }

    /** What the grant gives beyond the owner's access on the table, or empty when it gives nothing more. */
    private static Optional<String> excess(Grant grant, LinkGrantor grantor) {
        List<String> reasons = new ArrayList<>();
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(grant.permissions());
        missing.removeAll(grantor.permissions());
        if (!missing.isEmpty()) {
            reasons.add("it gives " + missing.stream().sorted().map(Permission::name).collect(Collectors.joining(", "))
                    + ", which the owner does not have on the link's target");
        }
        if (grant.permissions().contains(Permission.SELECT) && grantor.permissions().contains(Permission.SELECT)) {
            List<String> hidden = selected(grant.columns(), grantor.columns()).stream()
                    .map(ColumnDescriptor::name)
                    .filter(name -> !grantor.visibleColumns().contains(name))
                    .toList();
            if (!hidden.isEmpty()) {
                reasons.add("it shows column(s) " + String.join(", ", hidden) + ", which the owner does not see");
            }
            grant.rows().flatMap(rows -> grantor.ownerView().rowPredicateProblem(rows))
                    .ifPresent(problem -> reasons.add("its row predicate does not bind to what the owner sees: " + problem));
            for (ColumnMask mask : grant.masks()) {
                if (mask.mask().function() != MaskFunction.CUSTOM) {
                    continue;
                }
                for (ColumnDescriptor column : selected(mask.columns(), grantor.columns())) {
                    if (grantor.visibleColumns().contains(column.name())) {
                        grantor.ownerView().customMaskProblem(mask.mask().text().orElseThrow(), column)
                                .ifPresent(problem -> reasons.add("its CUSTOM mask on " + column.name()
                                        + " does not bind to what the owner sees: " + problem));
                    }
                }
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** The columns {@code selection} selects on a link's target: by name; a link has no tags. */
    private static List<ColumnDescriptor> selected(ColumnSelection selection, List<ColumnDescriptor> columns) {
        return columns.stream().filter(column -> selects(selection, column.name())).toList();
    }

    private static boolean selects(ColumnSelection selection, String column) {
        if (selection instanceof ColumnSelection.Include include) {
            return include.names().stream().anyMatch(name -> name.equalsIgnoreCase(column));
        }
        if (selection instanceof ColumnSelection.Exclude exclude) {
            return exclude.names().stream().noneMatch(name -> name.equalsIgnoreCase(column));
        }
        return !(selection instanceof ColumnSelection.Tagged);
    }

    /** {@code ref} is {@code table} or names its schema or domain; names match as the engine resolves unquoted names. */
    private static boolean covers(ObjectRef ref, ObjectRef table) {
        return ref.column().isEmpty()
                && ref.domain().equalsIgnoreCase(table.domain())
                && ref.schema().map(schema -> schema.equalsIgnoreCase(table.schema().orElseThrow())).orElse(true)
                && ref.table().map(name -> name.equalsIgnoreCase(table.table().orElseThrow())).orElse(true);
    }
}
