package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.product.Product;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A table as one principal sees it: {@code metadata} has only the visible columns (R2, R3), and
 * {@code raw} is the connector's full description, used below the policy barrier only;
 * {@code product} is what its owners say about it as a data product.
 *
 * <p>{@code domain}, {@code schema} and {@code name} say where the data is. A table read through a
 * resource link ({@code link} present) is the link's target there, while the principal knows it by
 * the link's name: {@link #qualifiedName()} is that name, and {@code decision} is the principal's
 * access on the link, over the layers of {@link LinkPath#below()}.
 */
public record VisibleTable(Domain domain, String schema, String name, TableMetadata metadata, TableMetadata raw, AccessDecision decision,
        Product product, Optional<LinkPath> link) {
    public VisibleTable {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(product, "product is null");
        requireNonNull(link, "link is null");
    }

    /** A table read directly. */
    public VisibleTable(Domain domain, String schema, String name, TableMetadata metadata, TableMetadata raw, AccessDecision decision,
            Product product) {
        this(domain, schema, name, metadata, raw, decision, product, Optional.empty());
    }

    /** Iceberg's table property for a table comment. */
    public static final String COMMENT_PROPERTY = "comment";

    /** What listings show as the table's remarks: its data product description, else its comment. */
    public Optional<String> description() {
        return product.description()
                .or(() -> Optional.ofNullable(raw.properties().get(COMMENT_PROPERTY)))
                .filter(d -> !d.isBlank());
    }

    /**
     * The table's natural primary key (its identifier columns, {@link TableMetadata#IDENTIFIER}) in
     * table order; empty when it has none or when any of them is hidden from the principal, since
     * the visible part of a key is no key.
     */
    public List<String> primaryKey() {
        List<String> key = raw.schema().getFields().stream()
                .filter(f -> "true".equals(f.getMetadata().get(TableMetadata.IDENTIFIER))).map(Field::getName).toList();
        Set<String> visible = metadata.schema().getFields().stream().map(Field::getName).collect(Collectors.toSet());
        return visible.containsAll(key) ? key : List.of();
    }

    /** The name the principal knows the table by: {@code domain.schema.table}, or the link's name for a table read through one. */
    public String qualifiedName() {
        return link.map(LinkPath::name).orElseGet(() -> domain.name() + "." + schema + "." + name);
    }
}
