package io.meshgate.policy.lint;

import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds column names in include and exclude lists (a rule's or its masks') that no table the rule
 * selects has: a misspelt column, which certainly does not do what was written.
 */
final class UnknownColumns {
    static final String RULE = "unknown-column";

    private UnknownColumns() {
    }

    static List<LintFinding> find(PolicySet set, Coverage coverage, MeshInventory inventory) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyRule rule : PolicyRule.all(set)) {
            List<MeshInventory.Table> selected = inventory.tables().stream().filter(table -> coverage.selects(rule.on(), table)).toList();
            if (selected.isEmpty()) {
                continue;
            }
            for (String name : names(rule.written())) {
                String column = Coverage.topLevel(name);
                if (selected.stream().noneMatch(table -> table.columns().contains(column))) {
                    findings.add(new LintFinding(LintFinding.Severity.ERROR, rule.origin(), RULE, rule.what() + " names column '" + name
                            + "', which no table it selects has"));
                }
            }
        }
        return findings;
    }

    private static Set<String> names(List<ColumnSelection> selections) {
        Set<String> names = new LinkedHashSet<>();
        for (ColumnSelection selection : selections) {
            if (selection instanceof ColumnSelection.Include include) {
                names.addAll(include.names().stream().sorted().toList());
            } else if (selection instanceof ColumnSelection.Exclude exclude) {
                names.addAll(exclude.names().stream().sorted().toList());
            }
        }
        return names;
    }
}
