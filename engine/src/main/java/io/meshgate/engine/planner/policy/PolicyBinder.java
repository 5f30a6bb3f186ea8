package io.meshgate.engine.planner.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.engine.types.MeshJavaTypeFactory;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.spi.TableMetadata;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Checks policy SQL against one table's raw columns for the evaluator (R8: what does not bind is
 * dropped or denies the table), by compiling it exactly as the barrier will. It is made for every
 * decision but only used when a decision is not cached, so it builds its compiler on first use.
 */
public final class PolicyBinder implements ExpressionBinder {
    private final TableMetadata table;
    private final Supplier<ResolvedPrincipal> principal;
    private PolicyExpressions expressions;
    private RelDataType rawRowType;

    public PolicyBinder(TableMetadata table, Supplier<ResolvedPrincipal> principal) {
        this.table = requireNonNull(table, "table is null");
        this.principal = requireNonNull(principal, "principal is null");
    }

    private synchronized PolicyExpressions expressions() {
        if (expressions == null) {
            MeshJavaTypeFactory typeFactory = new MeshJavaTypeFactory();
            RelOptCluster cluster = RelOptCluster.create(new VolcanoPlanner(), new RexBuilder(typeFactory));
            rawRowType = ArrowTypes.toRowType(table.schema(), typeFactory);
            expressions = new PolicyExpressions(cluster, rawRowType, principal.get());
        }
        return expressions;
    }

    @Override
    public Optional<String> rowPredicateProblem(String predicate) {
        return expressions().predicateProblem(predicate);
    }

    @Override
    public Optional<String> customMaskProblem(String expression, ColumnDescriptor column) {
        PolicyExpressions compiler = expressions();
        RelDataTypeField field = rawRowType.getField(column.name(), true, false);
        if (field == null) {
            return Optional.of("no column " + column.name());
        }
        try {
            RexNode rex = compiler.compile(expression);
            if (!MaskExpressions.canShow(field.getType(), rex.getType())) {
                return Optional.of("its type " + rex.getType() + " cannot become the column's type " + field.getType());
            }
            return Optional.empty();
        } catch (PolicyExpressionException e) {
            return Optional.of(e.getMessage());
        }
    }
}
