package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.ScanPredicate;
import java.util.Optional;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Copies the translatable part of a filter over a {@link MeshTableScan} into the scan's spec as a
 * pruning hint. The filter itself stays above the scan: connectors only prune, the engine decides.
 */
final class FilterScanRule extends RelRule<FilterScanRule.Config> {
    FilterScanRule(Config config) {
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

    /** The rule's configuration, in Calcite's {@code Config} pattern. */
    record Config(String description, OperandTransform operandSupplier, RelBuilderFactory relBuilderFactory) implements RelRule.Config {
        static final Config DEFAULT = new Config("FilterScanRule",
                b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(MeshTableScan.class)
                        .predicate(scan -> scan.spec().filter().isEmpty() && scan.spec().limit().isEmpty()).noInputs()),
                RelFactories.LOGICAL_BUILDER);

        Config {
            requireNonNull(description, "description is null");
            requireNonNull(operandSupplier, "operandSupplier is null");
            requireNonNull(relBuilderFactory, "relBuilderFactory is null");
        }

        @Override
        public FilterScanRule toRule() {
            return new FilterScanRule(this);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(newDescription, operandSupplier, relBuilderFactory);
        }

        @Override
        public Config withOperandSupplier(OperandTransform newOperandSupplier) {
            return new Config(description, newOperandSupplier, relBuilderFactory);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory newFactory) {
            return new Config(description, operandSupplier, newFactory);
        }
    }
}
