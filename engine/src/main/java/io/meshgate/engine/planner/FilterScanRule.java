package io.meshgate.engine.planner;

import io.meshgate.spi.ScanPredicate;
import java.util.Optional;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;

/**
 * Copies the translatable part of a filter over a {@link MeshTableScan} into the scan's spec as a
 * pruning hint. The filter itself stays above the scan: connectors only prune, the engine decides.
 */
final class FilterScanRule extends RelRule<MeshRuleConfig> {
    FilterScanRule(MeshRuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        MeshTableScan scan = call.rel(1);
        Optional<ScanPredicate> predicate = ScanPredicates.translate(filter.getCondition(), scan.spec().columns(), scan.getRowType(),
                filter.getCluster().getRexBuilder());
        predicate.ifPresent(p -> call.transformTo(filter.copy(filter.getTraitSet(), scan.withSpec(scan.spec().withFilter(p)), filter.getCondition())));
    }

    static final MeshRuleConfig DEFAULT = MeshRuleConfig.of("FilterScanRule",
            b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(MeshTableScan.class)
                        .predicate(scan -> scan.spec().filter().isEmpty() && scan.spec().limit().isEmpty()).noInputs()),
            FilterScanRule::new);
}
