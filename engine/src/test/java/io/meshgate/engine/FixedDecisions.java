package io.meshgate.engine;

import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.CellCase;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.Mask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An access policy that answers with access decisions written by hand per user, so that engine
 * tests pin how a given decision is planned (the evaluator that derives decisions from policy
 * files is tested in the policy module). Users without an entry see nothing.
 */
final class FixedDecisions implements AccessPolicy {
    private final Map<String, Function<TableDescriptor, AccessDecision>> byUser;
    private final Map<String, String> regions;

    FixedDecisions(Map<String, Function<TableDescriptor, AccessDecision>> byUser, Map<String, String> regions) {
        this.byUser = byUser;
        this.regions = regions;
    }

    @Override
    public String revision() {
        return "fixed";
    }

    @Override
    public ResolvedPrincipal resolve(Principal principal) {
        Map<String, AttributeValue> attributes = regions.containsKey(principal.name())
                ? Map.of("region", new AttributeValue(AttributeType.VARCHAR, regions.get(principal.name())))
                : Map.of();
        return new ResolvedPrincipal(principal.name(), principal.groups(), Set.of(), attributes, Map.of("region", AttributeType.VARCHAR));
    }

    @Override
    public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
        return byUser.getOrDefault(principal.name(), t -> AccessDecision.invisible("fixed", t, Set.of())).apply(table);
    }

    /** A decision showing {@code columns} (name to cell cases, in table order) on rows {@code rows}. */
    static AccessDecision decision(TableDescriptor table, RowRule rows, Map<String, List<CellCase>> columns, Set<String> plain) {
        List<ColumnAccess> access = new ArrayList<>();
        for (ColumnDescriptor column : table.columns()) {
            if (columns.containsKey(column.name())) {
                access.add(new ColumnAccess(column, columns.get(column.name()), plain.contains(column.name())));
            }
        }
        return new AccessDecision("fixed", table, true, access, rows, Optional.empty(), false, Set.of("g"), Set.of(), Set.of());
    }

    static List<CellCase> always(Mask mask) {
        return List.of(new CellCase(Optional.empty(), mask));
    }

    static List<CellCase> when(String predicate, Mask mask) {
        return List.of(new CellCase(Optional.of(predicate), mask));
    }
}
