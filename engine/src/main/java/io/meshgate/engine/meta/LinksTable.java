package io.meshgate.engine.meta;

import io.meshgate.engine.catalog.VisibleLink;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code mesh.meta.links}: one row per table name a resource link gives that the principal's
 * listings show (POLICY.md section 4): the names it may read through, and those of links it owns
 * whatever their status (DANGLING, CYCLE, UNAVAILABLE). {@code kind} is {@code SCHEMA} for a name a
 * schema link gives and {@code TABLE} for a table link; {@code target} is the table the name leads
 * to, null where the principal may not know it (R2).
 */
final class LinksTable implements SystemTable {
    static final String SCHEMA_LINK = "SCHEMA";
    static final String TABLE_LINK = "TABLE";

    private static final Schema SCHEMA = new MetaColumns()
            .key("domain").key("schema_name").key("table_name").key("kind").varchar("target").key("status")
            .schema();

    @Override
    public String name() {
        return "links";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Stream<Object[]> rows(MetaContext context) {
        return context.view().links(Optional.empty(), schema -> true, table -> true).stream().map(LinksTable::row);
    }

    private static Object[] row(VisibleLink link) {
        return new Object[] {
            link.name().domain(), link.name().schema(), link.name().table().orElseThrow(),
            link.schemaLink() ? SCHEMA_LINK : TABLE_LINK, link.target().orElse(null), link.status().name(),
        };
    }
}
