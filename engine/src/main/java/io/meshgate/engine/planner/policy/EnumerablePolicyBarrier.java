package io.meshgate.engine.planner.policy;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The barrier in the enumerable convention. It runs as Calcite's filter-then-project code for one
 * program (the condition first, the projections only for rows it kept), but as its own node type,
 * so no calc-merging rule can fold a user's expression into it.
 */
public final class EnumerablePolicyBarrier extends PolicyBarrier implements EnumerableRel {
    /** Converts {@link LogicalPolicyBarrier} to this. */
    public static final ConverterRule RULE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalPolicyBarrier.class, Convention.NONE, EnumerableConvention.INSTANCE, "EnumerablePolicyBarrierRule")
            .withRuleFactory(ToEnumerable::new)
            .toRule(ToEnumerable.class);

    EnumerablePolicyBarrier(RelOptCluster cluster, RelTraitSet traits, RelNode input, String table, Optional<RexNode> condition,
            List<RexNode> projects, RelDataType rowType, ImmutableBitSet plain) {
        super(cluster, traits, input, table, condition, projects, rowType, plain);
    }

    @Override
    public EnumerablePolicyBarrier copy(RelTraitSet traits, RelNode input, Optional<RexNode> newCondition, List<RexNode> newProjects,
            RelDataType newRowType, ImmutableBitSet newPlain) {
        return new EnumerablePolicyBarrier(getCluster(), traits, input, table(), newCondition, newProjects, newRowType, newPlain);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        RexProgramBuilder program = new RexProgramBuilder(getInput().getRowType(), getCluster().getRexBuilder());
        for (int i = 0; i < projects().size(); i++) {
            program.addProject(projects().get(i), getRowType().getFieldNames().get(i));
        }
        condition().ifPresent(program::addCondition);
        EnumerableCalc calc = new EnumerableCalc(getCluster(), getTraitSet(), getInput(), program.getProgram(false));
        return calc.implement(implementor, pref);
    }

    /** The converter rule's body. */
    static final class ToEnumerable extends ConverterRule {
        ToEnumerable(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalPolicyBarrier barrier = (LogicalPolicyBarrier) rel;
            RelNode input = convert(barrier.getInput(), barrier.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
            return new EnumerablePolicyBarrier(barrier.getCluster(), barrier.getTraitSet().replace(EnumerableConvention.INSTANCE), input,
                    barrier.table(), barrier.condition(), barrier.projects(), barrier.getRowType(), barrier.plain());
        }
    }
}
