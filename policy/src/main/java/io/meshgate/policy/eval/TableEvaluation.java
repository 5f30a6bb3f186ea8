package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.Restriction;
import io.meshgate.policy.model.TagExpression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's access to one table under one policy set (POLICY.md section 2): which grants
 * apply, which of them are dropped (R8), visibility and columns (R2, R3), rows (R4), cells and
 * masks (R5, R6, see {@link ColumnCells}), and the denials. One instance per decision.
 *
 * <ul>
 * <li>A grant applies when it names the grantee of the {@link AccessScope}, is valid now and
 * selects the table. Grants select tables and columns by what their tags certainly are,
 * restrictions and grant masks by what they possibly are (see {@link TagMatcher}). A resource link
 * is selected only by name (its own, its schema's or its domain's) and has no tags.</li>
 * <li>An applying grant is dropped when a tag expression it uses names an undeclared key or value,
 * its row predicate or a CUSTOM mask references an undeclared attribute or does not bind, one of
 * its masks does not apply to the kind of a column it covers, or two different masks of its own
 * tie as the strongest on a column (otherwise a grant's strongest mask on a column is its mask).</li>
 * <li>Only SELECT grants that cover at least one column admit rows and show cells; DESCRIBE grants
 * make the table visible but add no columns.</li>
 * <li>A restriction applies when, for one of the scope's restricted principals, it names the
 * principal and {@code except} does not, and it possibly selects the table (a link: names it). It
 * cannot be evaluated when its table selection cannot (then it may select any table), its row
 * predicate does not bind, its column selection cannot be evaluated or its mask does not apply to
 * a visible column it selects. Masks are applied on visible columns only.</li>
 * <li>Denials, first one wins: NO_SELECT (visible through DESCRIBE only), POLICY_UNEVALUABLE,
 * MASK_CONFLICT. A denied decision is visible and has no columns, so a listing shows the table
 * and a query on it fails with the denial's message; it names the table (and column), never a
 * policy id, expression or value.</li>
 * </ul>
 */
final class TableEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(TableEvaluation.class);

    private final PolicySet set;
    private final TagMatcher matcher;
    private final ResolvedPrincipal grantee;
    private final List<ResolvedPrincipal> restricted;
    private final boolean link;
    private final TableDescriptor table;
    private final TableTags tags;
    private final ExpressionBinder binder;
    private final Instant now;
    private final Set<String> dropped = new LinkedHashSet<>();

    /**
     * @param grantee    whose grants apply
     * @param restricted whose restrictions apply (a restriction applies when it applies to one of them)
     * @param link       the table is a resource link: only selections that name it apply
     */
    TableEvaluation(PolicySet set, TagMatcher matcher, ResolvedPrincipal grantee, List<ResolvedPrincipal> restricted, boolean link,
            TableDescriptor table, TableTags tags, ExpressionBinder binder, Instant now) {
        this.set = requireNonNull(set, "set is null");
        this.matcher = requireNonNull(matcher, "matcher is null");
        this.grantee = requireNonNull(grantee, "grantee is null");
        this.restricted = List.copyOf(requireNonNull(restricted, "restricted is null"));
        this.link = link;
        this.table = requireNonNull(table, "table is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.binder = requireNonNull(binder, "binder is null");
        this.now = requireNonNull(now, "now is null");
    }

    /** A grant as it applies to this table: the columns it selects, in table order, and the mask it puts on some of them. */
    private record GrantOnTable(Grant grant, Set<ColumnDescriptor> columns, Map<ColumnDescriptor, Mask> masks) {
        boolean gives(Permission permission) {
            return grant.permissions().contains(permission);
        }

        boolean covers(ColumnDescriptor column) {
            return columns.contains(column);
        }

        Mask maskOf(ColumnDescriptor column) {
            return masks.getOrDefault(column, Mask.NONE);
        }
    }

    /** The restrictions that apply to this scope and table. */
    private record RestrictionsOnTable(Set<String> ids, List<String> rowPredicates, Map<ColumnDescriptor, List<Mask>> masks, boolean evaluable) {
        List<Mask> masksOf(ColumnDescriptor column) {
            return masks.getOrDefault(column, List.of());
        }
    }

    AccessDecision decide() {
        List<GrantOnTable> applied = set.grants().stream().map(this::apply).flatMap(Optional::stream).toList();
        List<GrantOnTable> describing = applied.stream()
                .filter(g -> !g.columns().isEmpty() && (g.gives(Permission.SELECT) || g.gives(Permission.DESCRIBE)))
                .toList();
        if (describing.isEmpty()) {
            return AccessDecision.invisible(set.revision(), table, dropped);
        }
        Set<String> grantIds = ids(describing);
        List<GrantOnTable> selecting = describing.stream().filter(g -> g.gives(Permission.SELECT)).toList();
        if (selecting.isEmpty()) {
            return denied(Denial.Reason.NO_SELECT, "Cannot query " + table.qualifiedName()
                    + ": you may see it but not select from it (ask for a SELECT grant)", grantIds, Set.of());
        }
        List<ColumnDescriptor> visible = table.columns().stream().filter(c -> selecting.stream().anyMatch(g -> g.covers(c))).toList();
        RestrictionsOnTable restrictions = restrictions(visible);
        if (!restrictions.evaluable()) {
            return denied(Denial.Reason.POLICY_UNEVALUABLE, "Cannot query " + table.qualifiedName()
                    + ": a restriction on it cannot be evaluated (ask the policy owners to fix the policy)", grantIds, restrictions.ids());
        }
        List<String> anyOf = selecting.stream().anyMatch(g -> g.grant().rows().isEmpty())
                ? List.of()
                : selecting.stream().map(g -> g.grant().rows().orElseThrow()).distinct().toList();
        RowRule rows = new RowRule(anyOf, restrictions.rowPredicates());
        List<ColumnAccess> columns = new ArrayList<>();
        for (ColumnDescriptor column : visible) {
            List<ColumnCells.Cover> covers = selecting.stream()
                    .filter(g -> g.covers(column))
                    .map(g -> new ColumnCells.Cover(g.grant().rows(), g.maskOf(column)))
                    .toList();
            Optional<ColumnAccess> access = ColumnCells.plan(column, covers, covers.size() == selecting.size(), restrictions.masksOf(column));
            if (access.isEmpty()) {
                return denied(Denial.Reason.MASK_CONFLICT, "Cannot query " + table.qualifiedName() + ": column '" + column.name()
                        + "' has two different masks of the same strength (ask the policy owners to make one of them win)",
                        grantIds, restrictions.ids());
            }
            columns.add(access.get());
        }
        boolean fullAccess = rows.isUnrestricted() && columns.size() == table.columns().size() && columns.stream().allMatch(ColumnAccess::plain);
        Set<String> metadataGrants = ids(applied.stream().filter(g -> g.gives(Permission.METADATA_READ)).toList());
        boolean metadataRead = fullAccess && !metadataGrants.isEmpty();
        if (metadataRead) {
            grantIds.addAll(metadataGrants);
        }
        return new AccessDecision(set.revision(), table, true, columns, rows, Optional.empty(), metadataRead, grantIds, restrictions.ids(), dropped);
    }

    /** The grant as it applies to the grantee and this table; empty when it does not apply or is dropped. */
    private Optional<GrantOnTable> apply(Grant grant) {
        if (!PrincipalResolver.matches(grant.to(), grantee) || !grant.validAt(now) || link && !(grant.on() instanceof ObjectSelection.Named)) {
            return Optional.empty();
        }
        Optional<String> problem = selectionProblem(grant.on());
        if (problem.isEmpty() && !selects(grant.on(), true)) {
            return Optional.empty();
        }
        problem = problem
                .or(() -> columnsProblem(grant.columns()))
                .or(() -> grant.masks().stream().map(m -> columnsProblem(m.columns())).flatMap(Optional::stream).findFirst())
                .or(() -> grant.rows().flatMap(rows -> PolicyExpressions.rowPredicateProblem(rows, set.attributes().keySet(), binder)));
        if (problem.isPresent()) {
            return drop(grant, problem.get());
        }
        Set<ColumnDescriptor> columns = columns(grant.columns(), grant.on(), true);
        Map<ColumnDescriptor, List<Mask>> requested = new LinkedHashMap<>();
        for (ColumnMask columnMask : grant.masks()) {
            columns(columnMask.columns(), grant.on(), false).stream()
                    .filter(columns::contains)
                    .forEach(column -> requested.computeIfAbsent(column, c -> new ArrayList<>()).add(normalized(columnMask.mask())));
        }
        Map<ColumnDescriptor, Mask> masks = new HashMap<>();
        for (Map.Entry<ColumnDescriptor, List<Mask>> entry : requested.entrySet()) {
            ColumnDescriptor column = entry.getKey();
            Optional<String> maskProblem = entry.getValue().stream()
                    .map(mask -> MaskApplicability.problem(mask, column, set.attributes().keySet(), binder))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (maskProblem.isPresent()) {
                return drop(grant, maskProblem.get());
            }
            int strongest = entry.getValue().stream().mapToInt(Mask::strength).max().orElseThrow();
            List<Mask> top = entry.getValue().stream().filter(mask -> mask.strength() == strongest).distinct().toList();
            if (top.size() > 1) {
                return drop(grant, "it puts two different masks of the same strength on column '" + column.name() + "'");
            }
            if (!top.get(0).isNone()) {
                masks.put(column, top.get(0));
            }
        }
        return Optional.of(new GrantOnTable(grant, columns, masks));
    }

    private Optional<GrantOnTable> drop(Grant grant, String problem) {
        LOG.debug("Grant '{}' ({}) dropped on {} for {}: {}", grant.id(), grant.origin(), table.qualifiedName(), grantee.name(), problem);
        dropped.add(grant.id());
        return Optional.empty();
    }

    private RestrictionsOnTable restrictions(Collection<ColumnDescriptor> visible) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> rowPredicates = new LinkedHashSet<>();
        Map<ColumnDescriptor, List<Mask>> masks = new HashMap<>();
        for (Restriction restriction : set.restrictions()) {
            if (!appliesToSomeone(restriction) || link && !(restriction.on() instanceof ObjectSelection.Named)) {
                continue;
            }
            Optional<String> problem = selectionProblem(restriction.on());
            if (problem.isEmpty() && !selects(restriction.on(), false)) {
                continue;
            }
            Set<ColumnDescriptor> masked = restriction.kind() == Restriction.Kind.COLUMN_MASK
                    ? columns(restriction.columns(), restriction.on(), false).stream().filter(visible::contains).collect(Collectors.toCollection(LinkedHashSet::new))
                    : Set.of();
            problem = problem.or(() -> switch (restriction.kind()) {
                case ROW_FILTER -> PolicyExpressions.rowPredicateProblem(restriction.rows().orElseThrow(), set.attributes().keySet(), binder);
                case COLUMN_MASK -> columnsProblem(restriction.columns()).or(() -> masked.stream()
                        .map(column -> MaskApplicability.problem(restriction.mask().orElseThrow(), column, set.attributes().keySet(), binder))
                        .flatMap(Optional::stream)
                        .findFirst());
            });
            if (problem.isPresent()) {
                LOG.debug("Restriction '{}' ({}) cannot be evaluated on {}: {}", restriction.id(), restriction.origin(), table.qualifiedName(), problem.get());
                ids.add(restriction.id());
                return new RestrictionsOnTable(ids, List.of(), Map.of(), false);
            }
            if (restriction.kind() == Restriction.Kind.ROW_FILTER) {
                rowPredicates.add(restriction.rows().orElseThrow());
                ids.add(restriction.id());
            } else if (!masked.isEmpty()) {
                Mask mask = normalized(restriction.mask().orElseThrow());
                masked.forEach(column -> masks.computeIfAbsent(column, c -> new ArrayList<>()).add(mask));
                ids.add(restriction.id());
            }
        }
        return new RestrictionsOnTable(ids, List.copyOf(rowPredicates), masks, true);
    }

    private boolean appliesToSomeone(Restriction restriction) {
        return restricted.stream().anyMatch(principal -> PrincipalResolver.matches(restriction.to(), principal)
                && !PrincipalResolver.matches(restriction.except(), principal));
    }

    private Optional<String> selectionProblem(ObjectSelection on) {
        return on instanceof ObjectSelection.Tagged tagged ? matcher.problem(tagged.expression()) : Optional.empty();
    }

    private Optional<String> columnsProblem(ColumnSelection columns) {
        return columns instanceof ColumnSelection.Tagged tagged ? matcher.problem(tagged.expression()) : Optional.empty();
    }

    /** Whether {@code on} selects this table; {@code certain} reads tags for a grant, otherwise for a restriction. */
    private boolean selects(ObjectSelection on, boolean certain) {
        if (on instanceof ObjectSelection.Named named) {
            return named.objects().stream().anyMatch(object -> Names.within(object, table));
        }
        if (on instanceof ObjectSelection.Tagged tagged) {
            return holds(tagged.expression(), tags.table(), certain);
        }
        return true;
    }

    /** The columns {@code selection} selects in this table, in table order; {@code on} gives {@code Same} its meaning. */
    private Set<ColumnDescriptor> columns(ColumnSelection selection, ObjectSelection on, boolean certain) {
        return table.columns().stream()
                .filter(column -> selectsColumn(selection, on, column, certain))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean selectsColumn(ColumnSelection selection, ObjectSelection on, ColumnDescriptor column, boolean certain) {
        if (selection instanceof ColumnSelection.Include include) {
            return Names.containsName(include.names(), column.name());
        }
        if (selection instanceof ColumnSelection.Exclude exclude) {
            return !Names.containsName(exclude.names(), column.name());
        }
        if (selection instanceof ColumnSelection.Tagged tagged) {
            return holds(tagged.expression(), tags.column(column), certain);
        }
        if (selection instanceof ColumnSelection.Same && on instanceof ObjectSelection.Tagged tagged) {
            return holds(tagged.expression(), tags.column(column), certain);
        }
        return true;
    }

    private boolean holds(TagExpression expression, EffectiveTags objectTags, boolean certain) {
        return certain ? matcher.certainly(expression, objectTags) : matcher.possibly(expression, objectTags);
    }

    private AccessDecision denied(Denial.Reason reason, String message, Set<String> grants, Set<String> restrictions) {
        return new AccessDecision(set.revision(), table, true, List.of(), new RowRule(List.of(), List.of()),
                Optional.of(new Denial(reason, message)), false, grants, restrictions, dropped);
    }

    private static Set<String> ids(List<GrantOnTable> grants) {
        return grants.stream().map(g -> g.grant().id()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Mask normalized(Mask mask) {
        return mask.isNone() ? Mask.NONE : mask;
    }
}
