package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelRule.OperandTransform;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of one of Meshgate's planner rules, in Calcite's {@code Config} pattern: a description,
 * the operands the rule matches, and the rule class's constructor.
 */
public record MeshRuleConfig(
        String description,
        OperandTransform operandSupplier,
        RelBuilderFactory relBuilderFactory,
        Function<MeshRuleConfig, RelOptRule> constructor) implements RelRule.Config {
    public MeshRuleConfig {
        requireNonNull(description, "description is null");
        requireNonNull(operandSupplier, "operandSupplier is null");
        requireNonNull(relBuilderFactory, "relBuilderFactory is null");
        requireNonNull(constructor, "constructor is null");
    }

    public static MeshRuleConfig of(String description, OperandTransform operands, Function<MeshRuleConfig, RelOptRule> constructor) {
        return new MeshRuleConfig(description, operands, RelFactories.LOGICAL_BUILDER, constructor);
    }

    @Override
    public RelOptRule toRule() {
        return constructor.apply(this);
    }

    @Override
    public MeshRuleConfig withDescription(String newDescription) {
        return new MeshRuleConfig(newDescription, operandSupplier, relBuilderFactory, constructor);
    }

    @Override
    public MeshRuleConfig withOperandSupplier(OperandTransform newOperandSupplier) {
        return new MeshRuleConfig(description, newOperandSupplier, relBuilderFactory, constructor);
    }

    @Override
    public MeshRuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
        return new MeshRuleConfig(description, operandSupplier, newFactory, constructor);
    }
}
