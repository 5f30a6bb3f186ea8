package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.engine.contract.ProductName;
import io.meshgate.engine.planner.MeshSql;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.server.shell.SqlTypeNames;
import io.meshgate.spi.TableMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Everything the portal reads about data products, and the only class that reads it: through the
 * principal's view of the mesh ({@link CatalogView}), so a product the principal may not DESCRIBE
 * does not exist here and only its visible columns (with their effective tags) are shown.
 *
 * <p>A product's description, owner, contact, SLA, version, status, sunset and access instructions
 * are the mesh's product model ({@link VisibleTable#product()}: table properties overlaid by product
 * files), its status as of today; its freshness is its current snapshot and when that was
 * committed; its contract status is the latest stored result of {@code ./meshgate contract check}.
 */
final class PortalCatalog {
    private static final int SAMPLE_LIMIT = 10;

    private final Function<Principal, CatalogView> views;
    private final ContractResults contracts;
    private final Clock clock;

    /**
     * @param views     the mesh as each principal sees it
     * @param contracts the stored contract results
     * @param clock     what "today" is, for statuses that change with a sunset date
     */
    PortalCatalog(Function<Principal, CatalogView> views, ContractResults contracts, Clock clock) {
        this.views = requireNonNull(views, "views is null");
        this.contracts = requireNonNull(contracts, "contracts is null");
        this.clock = requireNonNull(clock, "clock is null");
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

    private Product product(CatalogView view, VisibleTable table) {
        io.meshgate.engine.product.Product product = table.product();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        OptionalLong committed = table.raw().snapshotTimestampMillis();
        // The snapshot id and the rule names follow mesh.meta.freshness and mesh.meta.contracts: B6, and no hidden column named.
        Product.Freshness freshness = new Product.Freshness(table.decision().metadataRead() ? table.metadata().snapshotId() : OptionalLong.empty(),
                committed.isPresent() ? Optional.of(Instant.ofEpochMilli(committed.getAsLong())) : Optional.empty(), product.freshnessSla());
        Product.Contract contract = contracts.latest(new ProductName(table.domain().name(), table.schema(), table.name()))
                .map(report -> Product.Contract.of(report, table.decision().showsEveryColumn())).orElse(Product.Contract.NONE);
        TagAssignments tags = view.tags(table);
        List<Field> fields = table.metadata().schema().getFields();
        List<Product.Column> columns = fields.stream()
                .map(field -> new Product.Column(field.getName(), SqlTypeNames.of(field), field.isNullable(),
                        property(field.getMetadata(), TableMetadata.COMMENT), tags.column(field.getName())))
                .toList();
        return new Product(table.domain().name(), table.schema(), table.name(), table.description(), product.owner(), product.contact(),
                product.version(), product.statusOn(today), product.sunset(), product.access(), tags.table(), columns, freshness, contract,
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
