package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelRule.OperandTransform;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of a scan pushdown rule, in Calcite's {@code Config} pattern: a description,
 * the operands the rule matches, and the rule class's constructor.
 */
record ScanRuleConfig(
        String description,
        OperandTransform operandSupplier,
        RelBuilderFactory relBuilderFactory,
        Function<ScanRuleConfig, RelOptRule> constructor) implements RelRule.Config {
    ScanRuleConfig {
        requireNonNull(description, "description is null");
        requireNonNull(operandSupplier, "operandSupplier is null");
        requireNonNull(relBuilderFactory, "relBuilderFactory is null");
        requireNonNull(constructor, "constructor is null");
    }

    static ScanRuleConfig of(String description, OperandTransform operands, Function<ScanRuleConfig, RelOptRule> constructor) {
        return new ScanRuleConfig(description, operands, RelFactories.LOGICAL_BUILDER, constructor);
    }

    @Override
    public RelOptRule toRule() {
        return constructor.apply(this);
    }

    @Override
    public ScanRuleConfig withDescription(String newDescription) {
        return new ScanRuleConfig(newDescription, operandSupplier, relBuilderFactory, constructor);
    }

    @Override
    public ScanRuleConfig withOperandSupplier(OperandTransform newOperandSupplier) {
        return new ScanRuleConfig(description, newOperandSupplier, relBuilderFactory, constructor);
    }

    @Override
    public ScanRuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
        return new ScanRuleConfig(description, operandSupplier, newFactory, constructor);
    }
}
