package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.planner.MeshSql;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.server.shell.SqlTypeNames;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Everything the portal reads about data products, and the only class that reads it: through the
 * principal's view of the mesh ({@link CatalogView}), so a product the principal may not DESCRIBE
 * does not exist here and only its visible columns (with their effective tags) are shown.
 *
 * <p>Today a product is a visible table: its description, owner, contact, SLA, status, sunset and
 * access instructions are the raw values of its {@code meshgate.*} table properties, its freshness
 * is the snapshot it is at (the table metadata carries no snapshot time yet, so the update time
 * and the minutes since are not known), and there are no contracts. When the mesh has a product
 * model, this class reads that instead and nothing else in the portal changes.
 */
final class PortalCatalog {
    static final String OWNER = "meshgate.owner";
    static final String CONTACT = "meshgate.contact";
    static final String SLA_FRESHNESS = "meshgate.sla.freshness";
    static final String STATUS = "meshgate.status";
    static final String SUNSET = "meshgate.sunset";
    static final String ACCESS = "meshgate.access";
    static final String NO_CONTRACT = "no contract";
    private static final int SAMPLE_LIMIT = 10;

    private final Function<Principal, CatalogView> views;

    PortalCatalog(Function<Principal, CatalogView> views) {
        this.views = requireNonNull(views, "views is null");
    }

    /** The products the principal may DESCRIBE, by domain, schema and name. */
    List<Product> products(Principal principal) {
        CatalogView view = views.apply(principal);
        return view.tables(Optional.empty(), schema -> true, table -> true).stream().map(table -> product(view, table)).toList();
    }

    /** The products the principal may DESCRIBE that match {@code query} ({@link Product#matches}). */
    List<Product> search(Principal principal, String query) {
        requireNonNull(query, "query is null");
        return products(principal).stream().filter(product -> product.matches(query)).toList();
    }

    /** The product {@code domain.schema.table} at its current snapshot; empty when it does not exist or the principal may not DESCRIBE it. */
    Optional<Product> product(Principal principal, String domain, String schema, String table) {
        CatalogView view = views.apply(principal);
        return view.table(domain, schema, table).map(visible -> product(view, visible));
    }

    private static Product product(CatalogView view, VisibleTable table) {
        Map<String, String> properties = table.raw().properties();
        TagAssignments tags = view.tags(table);
        List<Field> fields = table.metadata().schema().getFields();
        List<Product.Column> columns = fields.stream()
                .map(field -> new Product.Column(field.getName(), SqlTypeNames.of(field), field.isNullable(),
                        property(field.getMetadata(), TableMetadata.COMMENT), tags.column(field.getName())))
                .toList();
        return new Product(table.domain().name(), table.schema(), table.name(), table.description(),
                property(properties, OWNER), property(properties, CONTACT), property(properties, SLA_FRESHNESS),
                property(properties, STATUS), property(properties, SUNSET), property(properties, ACCESS),
                tags.table(), columns, new Product.Freshness(table.metadata().snapshotId(), Optional.empty()), NO_CONTRACT,
                sampleSql(table, fields), table.decision().metadataRead());
    }

    /** {@code SELECT <the visible columns> FROM domain.schema.table LIMIT 10}. */
    private static String sampleSql(VisibleTable table, List<Field> visible) {
        String columns = visible.isEmpty() ? "*" : visible.stream().map(f -> MeshSql.identifier(f.getName())).collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM " + MeshSql.identifier(table.domain().name()) + "." + MeshSql.identifier(table.schema())
                + "." + MeshSql.identifier(table.name()) + " LIMIT " + SAMPLE_LIMIT;
    }

    private static Optional<String> property(Map<String, String> properties, String key) {
        return Optional.ofNullable(properties == null ? null : properties.get(key)).filter(value -> !value.isBlank());
    }
}
