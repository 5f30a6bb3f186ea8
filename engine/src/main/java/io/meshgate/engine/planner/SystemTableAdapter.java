package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.execution.SystemRows;
import io.meshgate.engine.meta.SystemTable;
import io.meshgate.engine.types.ArrowTypes;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A system table as Calcite resolves it for one query: its columns, and a scan of its rows for the query's principal. */
final class SystemTableAdapter extends AbstractTable implements TranslatableTable {
    private final SystemTable table;
    private final SystemRows rows;

    SystemTableAdapter(SystemTable table, SystemRows rows) {
        this.table = requireNonNull(table, "table is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return ArrowTypes.toRowType(table.schema(), typeFactory);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return SystemTableScan.create(context.getCluster(), relOptTable, table, rows);
    }
}
