package io.meshgate.engine.meta;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.product.Products;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a system table's rows are computed from: the mesh as the querying principal sees it, the
 * mesh's data products, and the instant the query started (one "now" for every row).
 */
public record MetaContext(CatalogView view, Products products, Instant now) {
    public MetaContext {
        requireNonNull(view, "view is null");
        requireNonNull(products, "products is null");
        requireNonNull(now, "now is null");
    }

    /** The day of {@link #now()} in UTC, the day sunset dates are compared with. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
