package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.execution.ScanSource;
import io.meshgate.spi.ScanSpec;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The scan of one mesh table with what was pushed into it: the columns read, a pruning filter and
 * a row limit, all held in a {@link ScanSpec}. It runs in the enumerable convention: its rows come
 * from the domain's connector, batch by batch.
 */
final class MeshTableScan extends TableScan implements EnumerableRel {
    private final MeshTable meshTable;
    private final ScanSpec spec;

    private MeshTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, MeshTable meshTable, ScanSpec spec) {
        super(cluster, traitSet, List.of(), table);
        this.meshTable = requireNonNull(meshTable, "meshTable is null");
        this.spec = requireNonNull(spec, "spec is null");
    }

    static MeshTableScan create(RelOptCluster cluster, RelOptTable table, MeshTable meshTable, ScanSpec spec) {
        return new MeshTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, meshTable, spec);
    }

    ScanSpec spec() {
        return spec;
    }

    /** The same table read with another spec. */
    MeshTableScan withSpec(ScanSpec newSpec) {
        return new MeshTableScan(getCluster(), getTraitSet(), getTable(), meshTable, newSpec);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new MeshTableScan(getCluster(), traitSet, getTable(), meshTable, spec);
    }

    @Override
    public RelDataType deriveRowType() {
        RelDataType tableType = meshTable.rawRowType(getCluster().getTypeFactory());
        RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
        for (String column : spec.columns()) {
            RelDataTypeField field = requireNonNull(tableType.getField(column, true, false),
                    () -> "Cannot scan column " + column + " of " + meshTable.qualifiedName() + ": no such column");
            builder.add(field);
        }
        return builder.build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return pw.item("table", meshTable.qualifiedName())
                .item("columns", String.join(", ", spec.columns()))
                .itemIf("filter", spec.filter().map(Object::toString).orElse(""), spec.filter().isPresent())
                .itemIf("limit", spec.limit().isPresent() ? spec.limit().getAsLong() : 0L, spec.limit().isPresent());
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        double rows = super.estimateRowCount(mq);
        return spec.limit().isPresent() ? Math.min(rows, spec.limit().getAsLong()) : rows;
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq);
        double columnShare = (spec.columns().size() + 1.0) / (meshTable.rawRowType(getCluster().getTypeFactory()).getFieldCount() + 1.0);
        double pruning = spec.filter().isPresent() ? 0.5 : 1.0;
        return planner.getCostFactory().makeCost(rows, rows * columnShare * pruning, rows * columnShare * pruning);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        ScanSource source = new ScanSource(meshTable.domain(), meshTable.schema(), meshTable.name(), spec, meshTable.qualifiedName(),
                meshTable.boundUuid());
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), source.rowFormat(), false);
        Expression stashed = implementor.stash(source, ScanSource.class);
        return implementor.result(physType, Blocks.toBlock(Expressions.call(stashed, "rows", DataContext.ROOT)));
    }
}
