package io.meshgate.policy.lint;

import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds masks on columns their own grant does not give: such a mask never applies, which usually
 * means the grant's {@code columns} or the mask's columns are not what was meant. Reported once per
 * mask, with the first such column.
 */
final class HiddenMaskColumns {
    static final String RULE = "hidden-mask-column";

    private HiddenMaskColumns() {
    }

    static List<LintFinding> find(PolicySet set, Coverage coverage, List<MeshInventory.Table> tables) {
        List<LintFinding> findings = new ArrayList<>();
        for (Grant grant : set.grants()) {
            for (ColumnMask mask : grant.masks()) {
                hiddenColumn(grant, mask, coverage, tables).ifPresent(column -> findings.add(new LintFinding(LintFinding.Severity.WARNING,
                        grant.origin(), RULE, "grant '" + grant.id() + "' masks " + column + " (" + mask.mask().function()
                        + "), which its columns do not include: the mask never applies (add the column to columns, or drop the mask)")));
            }
        }
        return findings;
    }

    private static Optional<String> hiddenColumn(Grant grant, ColumnMask mask, Coverage coverage, List<MeshInventory.Table> tables) {
        for (MeshInventory.Table table : tables) {
            if (!coverage.selects(grant.on(), table)) {
                continue;
            }
            for (String column : table.columns()) {
                if (coverage.covers(grant.on(), mask.columns(), table, column) && !coverage.covers(grant.on(), grant.columns(), table, column)) {
                    return Optional.of(table.qualifiedName() + "." + column);
                }
            }
        }
        return Optional.empty();
    }
}
