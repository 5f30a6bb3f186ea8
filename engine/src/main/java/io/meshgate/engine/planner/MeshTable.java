package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.TableMetadata;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import java.util.List;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** One table of the mesh as Calcite sees it: its columns come from the connector's Arrow schema. */
final class MeshTable extends AbstractTable implements TranslatableTable {
    private final Domain domain;
    private final String schema;
    private final String name;
    private final TableMetadata metadata;

    MeshTable(Domain domain, String schema, String name, TableMetadata metadata) {
        this.domain = requireNonNull(domain, "domain is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.name = requireNonNull(name, "name is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    Domain domain() {
        return domain;
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    /** {@code domain.schema.table}. */
    String qualifiedName() {
        return domain.name() + "." + schema + "." + name;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return ArrowTypes.toRowType(metadata.schema(), typeFactory);
    }

    /** The connector's row estimate; Calcite's default of 100 rows for every table orders joins blindly. */
    @Override
    public Statistic getStatistic() {
        return metadata.rowCount().isPresent() ? Statistics.of(metadata.rowCount().getAsLong(), List.of()) : Statistics.UNKNOWN;
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        ScanSpec all = ScanSpec.allOf(metadata.schema().getFields().stream().map(Field::getName).toList());
        return MeshTableScan.create(context.getCluster(), relOptTable, this, all);
    }
}
