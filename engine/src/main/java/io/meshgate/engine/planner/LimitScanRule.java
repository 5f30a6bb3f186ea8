package io.meshgate.engine.planner;

import java.math.BigDecimal;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Lets a scan stop early: a LIMIT without ORDER BY directly over a {@link MeshTableScan}, or over a
 * projection of one, sets the scan's limit to offset + fetch. The LIMIT stays in the plan, since a
 * connector may return more rows than asked.
 */
final class LimitScanRule extends RelRule<MeshRuleConfig> {
    LimitScanRule(MeshRuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Sort sort = call.rel(0);
        MeshTableScan scan = call.rel(call.rels.length - 1);
        long limit = literal(sort.fetch) + (sort.offset == null ? 0 : literal(sort.offset));
        RelNode input = scan.withSpec(scan.spec().withLimit(limit));
        if (call.rels.length == 3) {
            Project project = call.rel(1);
            input = project.copy(project.getTraitSet(), input, project.getProjects(), project.getRowType());
        }
        call.transformTo(sort.copy(sort.getTraitSet(), input, sort.getCollation(), sort.offset, sort.fetch));
    }

    private static long literal(RexNode node) {
        return ((RexLiteral) node).getValueAs(BigDecimal.class).longValueExact();
    }

    private static boolean isPlainLimit(Sort sort) {
        return sort.getCollation().getFieldCollations().isEmpty() && sort.fetch instanceof RexLiteral
                && (sort.offset == null || sort.offset instanceof RexLiteral);
    }

    static final MeshRuleConfig LIMIT = MeshRuleConfig.of("LimitScanRule",
            b0 -> b0.operand(Sort.class).predicate(LimitScanRule::isPlainLimit)
                        .oneInput(b1 -> b1.operand(MeshTableScan.class).predicate(scan -> scan.spec().limit().isEmpty()).noInputs()),
            LimitScanRule::new);

    static final MeshRuleConfig LIMIT_PROJECT = MeshRuleConfig.of("LimitScanRule:project",
            b0 -> b0.operand(Sort.class).predicate(LimitScanRule::isPlainLimit)
                        .oneInput(b1 -> b1.operand(Project.class)
                                .oneInput(b2 -> b2.operand(MeshTableScan.class).predicate(scan -> scan.spec().limit().isEmpty()).noInputs())),
            LimitScanRule::new);
}
