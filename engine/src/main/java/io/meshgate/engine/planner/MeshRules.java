package io.meshgate.engine.planner;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** The rules that push work into {@link MeshTableScan}, held in one place. */
final class MeshRules {
    static final ProjectScanRule PROJECT_SCAN = ProjectScanRule.Config.PROJECT.toRule();
    static final ProjectScanRule PROJECT_FILTER_SCAN = ProjectScanRule.Config.PROJECT_FILTER.toRule();
    static final FilterScanRule FILTER_SCAN = FilterScanRule.Config.DEFAULT.toRule();
    static final LimitScanRule LIMIT_SCAN = LimitScanRule.Config.LIMIT.toRule();
    static final LimitScanRule LIMIT_PROJECT_SCAN = LimitScanRule.Config.LIMIT_PROJECT.toRule();

    /** Every scan pushdown rule. */
    static final List<RelOptRule> PUSHDOWN = List.of(PROJECT_SCAN, PROJECT_FILTER_SCAN, FILTER_SCAN, LIMIT_SCAN, LIMIT_PROJECT_SCAN);

    private MeshRules() {
    }
}
