package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.LinkPath;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.Denial;
import io.meshgate.spi.ScanSpec;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One table of the mesh as one principal's query sees it: its columns are the visible ones, and
 * every reference to it becomes a scan of the raw table behind the principal's policy barrier,
 * however the query reaches it (joins, subqueries, CTEs, {@code SELECT *}). Read through resource
 * links, it is the scan of the link's target (the table the links are bound to, no other) behind
 * one barrier per layer of its {@link LinkPath}, the producer's lowest, all labelled with the name
 * the query used.
 */
final class MeshTable extends AbstractTable implements TranslatableTable {
    private final VisibleTable table;
    private final GovernedTables tables;

    MeshTable(VisibleTable table, GovernedTables tables) {
        this.table = requireNonNull(table, "table is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    Domain domain() {
        return table.domain();
    }

    String schema() {
        return table.schema();
    }

    String name() {
        return table.name();
    }

    /** {@code domain.schema.table} as the query named it: a link's name for a table read through links. */
    String qualifiedName() {
        return table.qualifiedName();
    }

    /** For a table read through links, the UUID they are bound to: the scan reads that table or fails as a missing one. */
    Optional<String> boundUuid() {
        return table.link().map(LinkPath::uuid);
    }

    /**
     * The visible columns (R2, R3). A denied table fails here, when the query resolves it, with the
     * denial: otherwise a query naming a column of it would fail first with COLUMN_NOT_FOUND, since a
     * denied decision has no columns.
     */
    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        table.decision().denial().ifPresent(denial -> {
            throw denied(denial);
        });
        return ArrowTypes.toRowType(table.metadata().schema(), typeFactory);
    }

    /** Every column as stored, for the scan under the barrier. */
    RelDataType rawRowType(RelDataTypeFactory typeFactory) {
        return ArrowTypes.toRowType(table.raw().schema(), typeFactory);
    }

    /** The connector's row estimate; Calcite's default of 100 rows for every table orders joins blindly. */
    @Override
    public Statistic getStatistic() {
        return table.raw().rowCount().isPresent() ? Statistics.of(table.raw().rowCount().getAsLong(), List.of()) : Statistics.UNKNOWN;
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        table.decision().denial().ifPresent(denial -> {
            throw denied(denial);
        });
        tables.markRead(table);
        ScanSpec all = ScanSpec.allOf(table.raw().schema().getFields().stream().map(Field::getName).toList());
        MeshTableScan scan = MeshTableScan.create(context.getCluster(), relOptTable, this, all);
        RelNode input = scan;
        for (LinkPath.Layer layer : table.link().map(LinkPath::below).orElse(List.of())) {
            input = barrier(input, layer.decision(), ArrowTypes.toRowType(layer.shown(), context.getCluster().getTypeFactory()));
        }
        return barrier(input, table.decision(), relOptTable.getRowType());
    }

    /** {@code input} behind the barrier of {@code decision}, or as it is when the decision shows all of it. */
    private RelNode barrier(RelNode input, AccessDecision decision, RelDataType shown) {
        return decision.isFullAccess() ? input : tables.barriers().build(input, table.qualifiedName(), decision, shown);
    }

    private MeshgateException denied(Denial denial) {
        ErrorCode code = denial.reason() == Denial.Reason.MASK_CONFLICT ? ErrorCode.MASK_CONFLICT : ErrorCode.PERMISSION_DENIED;
        return new MeshgateException(code, denial.message());
    }
}
