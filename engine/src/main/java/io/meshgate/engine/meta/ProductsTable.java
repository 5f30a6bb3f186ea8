package io.meshgate.engine.meta;

import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.product.Product;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code mesh.meta.products}: one row per table the principal may see, with what its owners say
 * about it as a data product, its status as of today (a product past its sunset shows as retired),
 * its freshness SLA in minutes, and its effective tags.
 */
final class ProductsTable implements SystemTable {
    private static final Schema SCHEMA = new MetaColumns()
            .key("domain").key("schema_name").key("table_name").key("product")
            .varchar("owner").varchar("contact").varchar("description").varchar("version").key("status")
            .date("sunset").bigint("freshness_sla_minutes").varchar("access").varchar("tags")
            .schema();

    @Override
    public String name() {
        return "products";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Stream<Object[]> rows(MetaContext context) {
        LocalDate today = context.today();
        return VisibleTables.all(context.view()).map(table -> row(context, table, today));
    }

    private static Object[] row(MetaContext context, VisibleTable table, LocalDate today) {
        Product product = table.product();
        return new Object[] {
            table.domain().name(), table.schema(), table.name(), product.name(),
            orNull(product.owner()), orNull(product.contact()), orNull(table.description()), orNull(product.version()),
            product.statusOn(today).text(), orNull(product.sunset()), orNull(product.freshnessSla().map(ProductsTable::minutes)),
            orNull(product.access()), TagText.of(context.view().tags(table).table()),
        };
    }

    /** Whole minutes, rounded up: an SLA of 30 seconds is not one of 0 minutes. */
    static long minutes(Duration duration) {
        return (duration.getSeconds() + 59) / 60;
    }

    static Object orNull(Optional<?> value) {
        return value.orElse(null);
    }
}
