package io.meshgate.engine.planner.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite's field trimmer, taught about the barrier: a barrier keeps only the outputs the plan
 * above uses, and reads from its input only the raw columns its condition and those outputs need,
 * so a scan under a barrier still reads few columns. Public because the trimmer finds
 * {@link #trimFields(LogicalPolicyBarrier, ImmutableBitSet, Set)} by reflection.
 */
public final class PolicyTrimmer extends RelFieldTrimmer {
    public PolicyTrimmer(RelBuilder relBuilder) {
        super(null, relBuilder);
    }

    public TrimResult trimFields(LogicalPolicyBarrier barrier, ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields) {
        int outputCount = barrier.getRowType().getFieldCount();
        // A count(*) uses no column; keep one output so the row type is not empty.
        ImmutableBitSet kept = fieldsUsed.isEmpty() ? ImmutableBitSet.of(0) : fieldsUsed;
        List<RexNode> keptProjects = new ArrayList<>();
        for (int i : kept) {
            keptProjects.add(barrier.projects().get(i));
        }
        ImmutableBitSet inputUsed = RelOptUtil.InputFinder.bits(keptProjects, barrier.condition().orElse(null));
        TrimResult input = trimChild(barrier, barrier.getInput(), inputUsed, Set.of());
        RexPermuteInputsShuttle remap = new RexPermuteInputsShuttle(input.right, input.left);
        Mapping outputs = Mappings.create(MappingType.INVERSE_SURJECTION, outputCount, kept.cardinality());
        List<RelDataTypeField> fields = barrier.getRowType().getFieldList();
        RelDataTypeFactory.Builder rowType = barrier.getCluster().getTypeFactory().builder();
        ImmutableBitSet.Builder plain = ImmutableBitSet.builder();
        int position = 0;
        for (int i : kept) {
            outputs.set(i, position);
            rowType.add(fields.get(i));
            if (barrier.plain().get(i)) {
                plain.set(position);
            }
            position++;
        }
        Optional<RexNode> condition = barrier.condition().map(c -> c.accept(remap));
        RelNode trimmed = barrier.copy(barrier.getTraitSet(), input.left, condition, remap.visitList(keptProjects), rowType.build(), plain.build());
        return result(trimmed, outputs);
    }
}
