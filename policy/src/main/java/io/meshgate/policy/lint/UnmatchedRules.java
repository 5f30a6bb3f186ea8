package io.meshgate.policy.lint;

import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.List;

/** Finds grants and restrictions that match no table, or no column, of the mesh. */
final class UnmatchedRules {
    static final String RULE = "matches-nothing";

    private UnmatchedRules() {
    }

    static List<LintFinding> find(PolicySet set, Coverage coverage, MeshInventory inventory) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyRule rule : PolicyRule.all(set)) {
            boolean matches = inventory.tables().stream().filter(table -> coverage.selects(rule.on(), table)).anyMatch(table -> rule.columns()
                    .stream().allMatch(columns -> table.columns().stream().anyMatch(column -> coverage.covers(rule.on(), columns, table, column))));
            if (!matches) {
                findings.add(new LintFinding(LintFinding.Severity.WARNING, rule.origin(), RULE, rule.what() + " matches "
                        + (rule.columns().isEmpty() ? "no table" : "no column of any table") + " in the mesh: check its names and tags"));
            }
        }
        return findings;
    }
}
