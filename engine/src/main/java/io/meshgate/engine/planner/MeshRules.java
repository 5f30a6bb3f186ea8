package io.meshgate.engine.planner;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** The rules that push work into {@link MeshTableScan}, held in one place. */
final class MeshRules {
    static final RelOptRule PROJECT_SCAN = ProjectScanRule.PROJECT.toRule();
    static final RelOptRule PROJECT_FILTER_SCAN = ProjectScanRule.PROJECT_FILTER.toRule();
    static final RelOptRule FILTER_SCAN = FilterScanRule.DEFAULT.toRule();
    static final RelOptRule LIMIT_SCAN = LimitScanRule.LIMIT.toRule();
    static final RelOptRule LIMIT_PROJECT_SCAN = LimitScanRule.LIMIT_PROJECT.toRule();

    /** Every scan pushdown rule. */
    static final List<RelOptRule> PUSHDOWN = List.of(PROJECT_SCAN, PROJECT_FILTER_SCAN, FILTER_SCAN, LIMIT_SCAN, LIMIT_PROJECT_SCAN);

    private MeshRules() {
    }
}
