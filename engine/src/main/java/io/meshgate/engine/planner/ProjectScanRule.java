package io.meshgate.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Narrows a {@link MeshTableScan} to the columns a projection above it (and a filter between them)
 * reads, renumbering the projection's and the filter's column references.
 */
final class ProjectScanRule extends RelRule<MeshRuleConfig> {
    ProjectScanRule(MeshRuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Project project = call.rel(0);
        Filter filter = call.rels.length == 3 ? call.rel(1) : null;
        MeshTableScan scan = call.rel(call.rels.length - 1);
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), filter == null ? null : filter.getCondition());
        int columnCount = scan.spec().columns().size();
        if (used.cardinality() == columnCount) {
            return;
        }
        int[] newIndex = new int[columnCount];
        List<String> columns = new ArrayList<>();
        for (int i : used) {
            newIndex[i] = columns.size();
            columns.add(scan.spec().columns().get(i));
        }
        RexShuttle renumber = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
            }
        };
        RelNode input = scan.withSpec(scan.spec().withColumns(columns));
        if (filter != null) {
            input = filter.copy(filter.getTraitSet(), input, filter.getCondition().accept(renumber));
        }
        List<RexNode> projects = renumber.apply(project.getProjects());
        if (RexUtil.isIdentity(projects, input.getRowType()) && input.getRowType().getFieldNames().equals(project.getRowType().getFieldNames())) {
            call.transformTo(input);
        } else {
            call.transformTo(project.copy(project.getTraitSet(), input, projects, project.getRowType()));
        }
    }

    static final MeshRuleConfig PROJECT = MeshRuleConfig.of("ProjectScanRule",
            b0 -> b0.operand(Project.class).oneInput(b1 -> b1.operand(MeshTableScan.class).noInputs()),
            ProjectScanRule::new);

    static final MeshRuleConfig PROJECT_FILTER = MeshRuleConfig.of("ProjectScanRule:filter",
            b0 -> b0.operand(Project.class).oneInput(b1 -> b1.operand(Filter.class)
                        .oneInput(b2 -> b2.operand(MeshTableScan.class).noInputs())),
            ProjectScanRule::new);
}
