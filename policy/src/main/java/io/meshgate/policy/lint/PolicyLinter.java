package io.meshgate.policy.lint;

import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a valid policy set probably does not mean (POLICY.md section 5): rules that can put
 * different masks of one strength on a column ({@code mask-conflict}, R6), masks on columns their
 * grant does not give ({@code hidden-mask-column}), and, given the mesh's inventory, rules that
 * match nothing ({@code matches-nothing}), names of objects the mesh does not have
 * ({@code unknown-object}) and misspelt columns ({@code unknown-column}, an ERROR).
 *
 * <p>Without an inventory the first two checks run on the tables and columns the set names itself,
 * where {@code *} stands for any schema, table or column nobody named; the checks that need to know
 * what exists are skipped.
 */
public final class PolicyLinter {
    private PolicyLinter() {
    }

    /** The findings, by file and line. */
    public static List<LintFinding> lint(PolicySet set, Optional<MeshInventory> inventory) {
        Coverage coverage = new Coverage(set);
        List<MeshInventory.Table> tables = inventory.map(MeshInventory::tables).orElseGet(() -> InferredInventory.of(set, coverage));
        List<LintFinding> findings = new ArrayList<>();
        findings.addAll(MaskConflicts.find(set, coverage, tables));
        findings.addAll(HiddenMaskColumns.find(set, coverage, tables));
        inventory.ifPresent(mesh -> {
            findings.addAll(UnmatchedRules.find(set, coverage, mesh));
            findings.addAll(UnknownObjects.find(set, mesh));
            findings.addAll(UnknownColumns.find(set, coverage, mesh));
        });
        findings.sort(Comparator.comparing((LintFinding f) -> f.origin().file()).thenComparingInt(f -> f.origin().line()));
        return findings;
    }
}
