package io.meshgate.engine.planner.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The policy barrier over one governed scan (POLICY.md section 3): keeps the rows the principal
 * may see ({@code condition}, the PolicyFilter) and shows each visible column as the policy says
 * ({@code projects}, the PolicyProject: masks and cell-level NULLs). No standard rule matches it,
 * so nothing moves through it except what {@link BarrierFilterRule} proves leak-proof, and its
 * execution evaluates {@code projects} only on rows {@code condition} kept.
 *
 * <p>Users' EXPLAIN shows {@code PolicyBarrier(table=[...])} and nothing of its condition,
 * projections or input (B5, {@link RedactedPlan}).
 */
public abstract class PolicyBarrier extends SingleRel {
    private final String table;
    private final Optional<RexNode> condition;
    private final List<RexNode> projects;
    private final ImmutableBitSet plain;

    /**
     * @param plain the outputs that show a raw input column unchanged in every visible row: each
     *              such project is a bare input reference
     */
    protected PolicyBarrier(RelOptCluster cluster, RelTraitSet traits, RelNode input, String table, Optional<RexNode> condition,
            List<RexNode> projects, RelDataType rowType, ImmutableBitSet plain) {
        super(cluster, traits, input);
        this.table = requireNonNull(table, "table is null");
        this.condition = requireNonNull(condition, "condition is null");
        this.projects = List.copyOf(requireNonNull(projects, "projects is null"));
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.plain = requireNonNull(plain, "plain is null");
    }

    public String table() {
        return table;
    }

    public Optional<RexNode> condition() {
        return condition;
    }

    public List<RexNode> projects() {
        return projects;
    }

    public ImmutableBitSet plain() {
        return plain;
    }

    /** The same barrier over another input, with the given condition and projections. */
    public abstract PolicyBarrier copy(RelTraitSet traits, RelNode input, Optional<RexNode> newCondition, List<RexNode> newProjects,
            RelDataType newRowType, ImmutableBitSet newPlain);

    @Override
    public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
        return copy(traits, sole(inputs), condition, projects, rowType, plain);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    /** Everything, for the planner's digest and plan tests; users' EXPLAIN goes through {@link RedactedPlan}. */
    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("table", table)
                .itemIf("condition", condition.map(Object::toString).orElse(""), condition.isPresent())
                .item("projects", projects)
                .item("plain", plain);
    }
}
