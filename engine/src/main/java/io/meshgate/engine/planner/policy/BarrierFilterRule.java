package io.meshgate.engine.planner.policy;

import io.meshgate.engine.planner.MeshRuleConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Moves the conjuncts of a user's filter above a barrier to below it when they are leak-proof and
 * read only plain columns (B1), where the scan can use them for pruning. Every other conjunct
 * stays above the barrier and sees only what the principal may see.
 */
public final class BarrierFilterRule extends RelRule<MeshRuleConfig> {
    public static final RelOptRule INSTANCE = MeshRuleConfig.of("BarrierFilterRule",
            b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(LogicalPolicyBarrier.class).anyInputs()),
            BarrierFilterRule::new).toRule();

    private BarrierFilterRule(MeshRuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        LogicalPolicyBarrier barrier = call.rel(1);
        List<RexNode> below = new ArrayList<>();
        List<RexNode> above = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            boolean movable = LeakProof.test(conjunct) && barrier.plain().contains(RelOptUtil.InputFinder.bits(conjunct));
            (movable ? below : above).add(conjunct);
        }
        if (below.isEmpty()) {
            return;
        }
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        RexShuttle toRaw = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return barrier.projects().get(ref.getIndex());
            }
        };
        RelNode pushed = LogicalFilter.create(barrier.getInput(), RexUtil.composeConjunction(rexBuilder, toRaw.apply(below)));
        RelNode newBarrier = barrier.copy(barrier.getTraitSet(), List.of(pushed));
        call.transformTo(above.isEmpty() ? newBarrier
                : filter.copy(filter.getTraitSet(), newBarrier, RexUtil.composeConjunction(rexBuilder, above)));
    }

}
