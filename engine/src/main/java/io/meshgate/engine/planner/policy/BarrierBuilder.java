package io.meshgate.engine.planner.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.CellCase;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.ResolvedPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Plans one governed scan as {@code Scan -> PolicyFilter -> PolicyProject} (one
 * {@link LogicalPolicyBarrier}) from its access decision: the row rule of R4 as the condition,
 * each visible column as its cell cases (R5) through their masks (R6), all over raw values (R7).
 */
public final class BarrierBuilder {
    private final ResolvedPrincipal principal;
    private final HashKey hashKey;

    public BarrierBuilder(ResolvedPrincipal principal, HashKey hashKey) {
        this.principal = requireNonNull(principal, "principal is null");
        this.hashKey = requireNonNull(hashKey, "hashKey is null");
    }

    /**
     * The barrier over {@code rawScan} (which reads every raw column of {@code table}), with the
     * row type {@code visibleRowType}.
     */
    public RelNode build(RelNode rawScan, VisibleTable table, RelDataType visibleRowType) {
        return build(rawScan, table.qualifiedName(), table.decision(), visibleRowType);
    }

    /**
     * The barrier of {@code decision} over {@code input}, labelled {@code table}, with the row type
     * {@code visibleRowType}. The input is the raw scan of a table, or, for a read through
     * resource links, the barrier of the layer below: its row type is what the decision's
     * columns are read from.
     */
    public RelNode build(RelNode input, String table, AccessDecision decision, RelDataType visibleRowType) {
        try {
            return barrier(input, table, decision, visibleRowType);
        } catch (PolicyExpressionException e) {
            // The decision's binder accepted this policy; failing here is a bug or a race with a
            // schema change. Fail closed, and say nothing of the policy.
            throw new MeshgateException(ErrorCode.PERMISSION_DENIED, "Access denied: table '" + table
                    + "' is unavailable because its policy cannot be applied to its current columns");
        }
    }

    private RelNode barrier(RelNode input, String table, AccessDecision decision, RelDataType visibleRowType) {
        RelOptCluster cluster = input.getCluster();
        RexBuilder rexBuilder = cluster.getRexBuilder();
        RelDataType raw = input.getRowType();
        PolicyExpressions expressions = new PolicyExpressions(cluster, raw, principal);
        MaskExpressions masks = new MaskExpressions(rexBuilder, expressions, hashKey);

        List<RexNode> conjuncts = new ArrayList<>();
        if (!decision.rows().anyOf().isEmpty()) {
            conjuncts.add(RexUtil.composeDisjunction(rexBuilder, decision.rows().anyOf().stream().map(expressions::compile).toList()));
        }
        decision.rows().allOf().stream().map(expressions::compile).forEach(conjuncts::add);
        Optional<RexNode> condition = conjuncts.isEmpty() ? Optional.empty() : Optional.of(RexUtil.composeConjunction(rexBuilder, conjuncts));

        List<RexNode> projects = new ArrayList<>();
        ImmutableBitSet.Builder plain = ImmutableBitSet.builder();
        for (RelDataTypeField visible : visibleRowType.getFieldList()) {
            ColumnAccess access = decision.column(visible.getName()).orElseThrow(
                    () -> new IllegalStateException("Column " + visible.getName() + " is visible but has no access rule"));
            RelDataTypeField rawField = requireNonNull(raw.getField(visible.getName(), true, false),
                    () -> "Column " + visible.getName() + " is missing from the input of the barrier of " + table);
            RexNode value = new RexInputRef(rawField.getIndex(), rawField.getType());
            if (access.plain()) {
                plain.set(projects.size());
                projects.add(value);
            } else {
                projects.add(rexBuilder.makeCast(visible.getType(), shown(access, value, visible.getType(), expressions, masks, rexBuilder), true, false));
            }
        }
        return LogicalPolicyBarrier.create(input, table, condition, projects, visibleRowType, plain.build());
    }

    /** {@code CASE WHEN w1 THEN mask1(x) WHEN w2 THEN mask2(x) ... ELSE NULL END}, or just {@code mask1(x)} when w1 is always true. */
    private static RexNode shown(ColumnAccess access, RexNode raw, RelDataType type, PolicyExpressions expressions, MaskExpressions masks,
            RexBuilder rexBuilder) {
        List<RexNode> operands = new ArrayList<>();
        for (CellCase cell : access.cases()) {
            RexNode masked = masks.apply(cell.mask(), raw, type);
            if (cell.when().isEmpty()) {
                if (operands.isEmpty()) {
                    return masked;
                }
                operands.add(masked);
                return rexBuilder.makeCall(SqlStdOperatorTable.CASE, operands);
            }
            operands.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_TRUE, expressions.compile(cell.when().get())));
            operands.add(masked);
        }
        operands.add(rexBuilder.makeNullLiteral(type));
        return rexBuilder.makeCall(SqlStdOperatorTable.CASE, operands);
    }
}
