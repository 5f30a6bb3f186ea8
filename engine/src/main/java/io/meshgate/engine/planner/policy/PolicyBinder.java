package io.meshgate.engine.planner.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.engine.types.MeshTypeSystem;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.spi.TableMetadata;
import java.util.Optional;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Checks policy SQL against one table's raw columns for the evaluator (R8: what does not bind is
 * dropped or denies the table), by compiling it exactly as the barrier will.
 */
public final class PolicyBinder implements ExpressionBinder {
    private final PolicyExpressions expressions;
    private final RelDataType rawRowType;

    public PolicyBinder(TableMetadata table, ResolvedPrincipal principal) {
        requireNonNull(table, "table is null");
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(MeshTypeSystem.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(new VolcanoPlanner(), new org.apache.calcite.rex.RexBuilder(typeFactory));
        this.rawRowType = ArrowTypes.toRowType(table.schema(), typeFactory);
        this.expressions = new PolicyExpressions(cluster, rawRowType, requireNonNull(principal, "principal is null"));
    }

    @Override
    public Optional<String> rowPredicateProblem(String predicate) {
        return expressions.predicateProblem(predicate);
    }

    @Override
    public Optional<String> customMaskProblem(String expression, ColumnDescriptor column) {
        RelDataTypeField field = rawRowType.getField(column.name(), true, false);
        if (field == null) {
            return Optional.of("no column " + column.name());
        }
        try {
            RexNode rex = expressions.compile(expression);
            if (!SqlTypeUtil.canCastFrom(field.getType(), rex.getType(), false)) {
                return Optional.of("its type " + rex.getType() + " cannot become the column's type " + field.getType());
            }
            return Optional.empty();
        } catch (PolicyExpressionException e) {
            return Optional.of(e.getMessage());
        }
    }
}
