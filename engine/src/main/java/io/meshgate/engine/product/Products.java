package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data products of the mesh: each table's product from its properties overlaid, field by field,
 * by the product file entry in force for it, and the clock their sunset dates are read against
 * (dates in UTC). A property that cannot be read is logged once and left out.
 */
public final class Products {
    private static final Logger LOG = LoggerFactory.getLogger(Products.class);
    private static final int REPORTED_PROBLEMS = 10_000;

    private final Supplier<ProductFiles> files;
    private final Clock clock;
    private final Cache<String, Boolean> reported = Caffeine.newBuilder().maximumSize(REPORTED_PROBLEMS).build();

    /**
     * @param files the product files in force (a {@link ProductStore}, or fixed files)
     * @param clock what "today" is for sunset dates and "now" for freshness
     */
    public Products(Supplier<ProductFiles> files, Clock clock) {
        this.files = requireNonNull(files, "files is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Products described by their table properties alone, on the system clock. */
    public static Products fromProperties() {
        return new Products(ProductFiles::none, Clock.systemUTC());
    }

    /** The product of table {@code domain.schema.table}, whose properties are {@code properties}. */
    public Product of(String domain, String schema, String table, Map<String, String> properties) {
        String name = domain + "." + schema + "." + table;
        ProductFields fromProperties = ProductProperties.read(properties, (key, problem) -> report(name, key, problem));
        ProductFields fields = files.get().entry(name).map(entry -> fromProperties.overriddenBy(entry.fields())).orElse(fromProperties);
        return new Product(name, fields);
    }

    /** The product file entry for {@code domain.schema.table} in force, if a file describes it. */
    public Optional<ProductEntry> entry(String name) {
        return files.get().entry(name);
    }

    /** Changes whenever the product files in force change; what a plan that depends on products is keyed by. */
    public String revision() {
        return files.get().fingerprint();
    }

    /** Today's date in UTC, the day sunset dates are compared with. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Instant now() {
        return clock.instant();
    }

    private void report(String table, String key, String problem) {
        String message = "Table " + table + ": property " + key + " is left out: " + problem;
        if (reported.asMap().putIfAbsent(message, Boolean.TRUE) == null) {
            LOG.warn(message);
        }
    }
}
