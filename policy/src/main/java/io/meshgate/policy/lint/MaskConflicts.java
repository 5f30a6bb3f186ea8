package io.meshgate.policy.lint;

import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PrincipalMatch;
import io.meshgate.policy.model.Restriction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds pairs of rules that can put different masks of the same strength on one column for one
 * principal: two SELECT grants, a grant and a COLUMN_MASK restriction, or two restrictions. Such a
 * tie at the deciding strength fails the query with MASK_CONFLICT (POLICY.md R6). Each pair is
 * reported once, on the later rule, with the first column where they meet.
 */
final class MaskConflicts {
    static final String RULE = "mask-conflict";

    private MaskConflicts() {
    }

    static List<LintFinding> find(PolicySet set, Coverage coverage, List<MeshInventory.Table> tables) {
        List<LintFinding> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (MeshInventory.Table table : tables) {
            for (String column : table.columns()) {
                List<AppliedMask> masks = masksOn(set, coverage, table, column);
                for (int i = 0; i < masks.size(); i++) {
                    for (int j = i + 1; j < masks.size(); j++) {
                        AppliedMask first = masks.get(i);
                        AppliedMask second = masks.get(j);
                        if (conflict(first.mask(), second.mask()) && first.mayMeet(second) && reported.add(first.what() + "|" + second.what())) {
                            findings.add(new LintFinding(LintFinding.Severity.WARNING, second.origin(), RULE, first.what() + " and " + second.what()
                                    + " can both apply to " + table.qualifiedName() + "." + column + " with different masks of strength "
                                    + first.mask().strength() + " (" + first.maskText() + ", " + second.maskText()
                                    + "): a principal under both gets MASK_CONFLICT (POLICY.md R6); make one mask stronger or the masks equal"));
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static boolean conflict(Mask a, Mask b) {
        return a.strength() == b.strength() && !a.equals(b);
    }

    /** The masks the SELECT grants and COLUMN_MASK restrictions covering the column put on it, grants first. */
    private static List<AppliedMask> masksOn(PolicySet set, Coverage coverage, MeshInventory.Table table, String column) {
        List<AppliedMask> masks = new ArrayList<>();
        for (Grant grant : set.grants()) {
            if (grant.permissions().contains(Permission.SELECT) && coverage.selects(grant.on(), table)
                    && coverage.covers(grant.on(), grant.columns(), table, column)) {
                Mask mask = grant.masks().stream().filter(m -> coverage.covers(grant.on(), m.columns(), table, column))
                        .map(ColumnMask::mask).findFirst().orElse(Mask.NONE);
                masks.add(new AppliedMask("grant '" + grant.id() + "'", grant.origin(), grant.to(), PrincipalMatch.nobody(), mask));
            }
        }
        for (Restriction restriction : set.restrictions()) {
            if (restriction.mask().isPresent() && coverage.selects(restriction.on(), table)
                    && coverage.covers(restriction.on(), restriction.columns(), table, column)) {
                masks.add(new AppliedMask("restriction '" + restriction.id() + "'", restriction.origin(), restriction.to(), restriction.except(),
                        restriction.mask().get()));
            }
        }
        return masks;
    }
}
