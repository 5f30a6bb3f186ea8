package io.meshgate.engine.meta;

import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code mesh.meta.columns}: one row per column the principal may see, numbered among the visible
 * columns of its table from 1 (so the numbers do not reveal where hidden columns are; the column
 * is {@code ordinal_position}, as in {@code information_schema}, since {@code ordinal} is a
 * reserved word), with its type,
 * whether it may be null as the principal sees it (a masked column may be), its comment and its
 * effective tags.
 */
final class ColumnsTable implements SystemTable {
    private static final Schema SCHEMA = new MetaColumns()
            .key("domain").key("schema_name").key("table_name").key("column_name").position("ordinal_position")
            .key("data_type").bool("is_nullable").varchar("comment").varchar("tags")
            .schema();

    @Override
    public String name() {
        return "columns";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Stream<Object[]> rows(MetaContext context) {
        return VisibleTables.all(context.view()).flatMap(table -> rows(context, table));
    }

    private static Stream<Object[]> rows(MetaContext context, VisibleTable table) {
        List<Field> columns = table.metadata().schema().getFields();
        if (columns.isEmpty()) {
            return Stream.empty();
        }
        TagAssignments tags = context.view().tags(table);
        return IntStream.range(0, columns.size()).mapToObj(i -> {
            Field column = columns.get(i);
            return new Object[] {
                table.domain().name(), table.schema(), table.name(), column.getName(), i + 1,
                TypeNames.of(column), column.isNullable(), column.getMetadata().get(TableMetadata.COMMENT),
                TagText.of(tags.column(column.getName())),
            };
        });
    }
}
