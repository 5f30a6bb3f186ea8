package io.meshgate.engine.meta;

import io.meshgate.engine.catalog.LinkStatus;
import io.meshgate.engine.catalog.VisibleLink;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code mesh.meta.lineage}: which data product an object of the mesh reads. Today the objects are
 * resource links ({@code object_type} {@code LINK}): one row per link name the principal's
 * listings show that reaches a table now (status OK), with the product at the end of its chain of
 * links in {@code reads}, null where the principal may not know that product (R2). A link that
 * reaches nothing (DANGLING, CYCLE, UNAVAILABLE) reads nothing and has no row.
 */
final class LineageTable implements SystemTable {
    static final String LINK = "LINK";

    private static final Schema SCHEMA = new MetaColumns()
            .key("domain").key("schema_name").key("table_name").key("object_type").varchar("reads")
            .schema();

    @Override
    public String name() {
        return "lineage";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Stream<Object[]> rows(MetaContext context) {
        return context.view().links(Optional.empty(), schema -> true, table -> true).stream()
                .filter(link -> link.status() == LinkStatus.OK)
                .map(LineageTable::row);
    }

    private static Object[] row(VisibleLink link) {
        return new Object[] {
            link.name().domain(), link.name().schema(), link.name().table().orElseThrow(), LINK, link.target().orElse(null),
        };
    }
}
