package io.meshgate.engine.planner;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls conjuncts common to every branch of an OR out of filter conditions:
 * {@code (a = b AND x) OR (a = b AND y)} becomes {@code a = b AND (x OR y)}, so that the equality
 * can become a hash join key (TPC-H Q19) instead of leaving a nested loop join.
 */
final class OrFactoring extends RelHomogeneousShuttle {
    static RelNode apply(RelNode plan) {
        return plan.accept(new OrFactoring());
    }

    @Override
    public RelNode visit(LogicalFilter filter) {
        RelNode input = filter.getInput().accept(this);
        RexNode factored = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
        if (factored.equals(filter.getCondition()) && input == filter.getInput()) {
            return filter;
        }
        return filter.copy(filter.getTraitSet(), input, factored);
    }
}
