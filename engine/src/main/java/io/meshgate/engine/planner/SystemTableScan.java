package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.execution.SystemRows;
import io.meshgate.engine.meta.SystemTable;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.types.ArrowTypes;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The scan of a system table ({@code mesh.meta.*}): every column, rows computed for the query's
 * principal when it runs ({@link SystemRows}). System tables show only what the principal may
 * see, so the scan needs no policy barrier.
 */
final class SystemTableScan extends TableScan implements EnumerableRel {
    private final SystemTable table;
    private final SystemRows rows;

    private SystemTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable relOptTable, SystemTable table, SystemRows rows) {
        super(cluster, traitSet, List.of(), relOptTable);
        this.table = requireNonNull(table, "table is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    static SystemTableScan create(RelOptCluster cluster, RelOptTable relOptTable, SystemTable table, SystemRows rows) {
        return new SystemTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, table, rows);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SystemTableScan(getCluster(), traitSet, getTable(), table, rows);
    }

    @Override
    public RelDataType deriveRowType() {
        return ArrowTypes.toRowType(table.schema(), getCluster().getTypeFactory());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return pw.item("table", SystemTables.qualifiedName(table));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        JavaRowFormat format = rows.scalar() ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY;
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), format, false);
        Expression stashed = implementor.stash(rows, SystemRows.class);
        return implementor.result(physType, Blocks.toBlock(Expressions.call(stashed, "rows", DataContext.ROOT)));
    }
}
