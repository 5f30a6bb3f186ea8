package io.meshgate.policy.lint;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds assignments and named selections that name a domain, schema, table or column the mesh does not have. */
final class UnknownObjects {
    static final String RULE = "unknown-object";

    private UnknownObjects() {
    }

    static List<LintFinding> find(PolicySet set, MeshInventory inventory) {
        List<LintFinding> findings = new ArrayList<>();
        for (Assignment assignment : set.assignments()) {
            check(assignment.on(), "an assignment", assignment.origin(), inventory, findings);
        }
        for (PolicyRule rule : PolicyRule.all(set)) {
            if (rule.on() instanceof ObjectSelection.Named named) {
                named.objects().forEach(ref -> check(ref, rule.what(), rule.origin(), inventory, findings));
            }
        }
        return findings;
    }

    private static void check(ObjectRef ref, String what, Origin origin, MeshInventory inventory, List<LintFinding> findings) {
        boolean exists = inventory.tables().stream().anyMatch(table -> Coverage.contains(ref, table)
                && ref.column().map(column -> table.columns().contains(Coverage.topLevel(column))).orElse(true));
        if (!exists) {
            findings.add(new LintFinding(LintFinding.Severity.WARNING, origin, RULE, what + " names " + ref.level().name().toLowerCase(Locale.ROOT)
                    + " " + ref + ", which the mesh does not have"));
        }
    }
}
