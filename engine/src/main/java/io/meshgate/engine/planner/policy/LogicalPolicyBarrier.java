package io.meshgate.engine.planner.policy;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/** The barrier in the logical plan, before the enumerable conversion. */
public final class LogicalPolicyBarrier extends PolicyBarrier {
    LogicalPolicyBarrier(RelOptCluster cluster, RelTraitSet traits, RelNode input, String table, Optional<RexNode> condition,
            List<RexNode> projects, RelDataType rowType, ImmutableBitSet plain) {
        super(cluster, traits, input, table, condition, projects, rowType, plain);
    }

    static LogicalPolicyBarrier create(RelNode input, String table, Optional<RexNode> condition, List<RexNode> projects,
            RelDataType rowType, ImmutableBitSet plain) {
        RelTraitSet traits = input.getCluster().traitSetOf(Convention.NONE);
        return new LogicalPolicyBarrier(input.getCluster(), traits, input, table, condition, projects, rowType, plain);
    }

    @Override
    public LogicalPolicyBarrier copy(RelTraitSet traits, RelNode input, Optional<RexNode> newCondition, List<RexNode> newProjects,
            RelDataType newRowType, ImmutableBitSet newPlain) {
        return new LogicalPolicyBarrier(getCluster(), traits, input, table(), newCondition, newProjects, newRowType, newPlain);
    }
}
