package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A table of the mesh as a data product: what its owners say about it, from its table properties
 * overlaid field by field by its product file entry ({@link Products}). A table nobody describes
 * is still a product, active, with every field empty.
 *
 * <p>Its life: a product is <em>retired</em> when its status is {@code retired} or its sunset date
 * has passed (whatever its status says), and then queries on it fail; it is <em>deprecated</em>,
 * answering with a warning, when its status is {@code deprecated} or it has a sunset date still to
 * come (a sunset date announces the end).
 *
 * @param name   {@code domain.schema.table}
 * @param fields what its owners say; {@link #status()} reads a missing status as {@code active}
 */
public record Product(String name, ProductFields fields) {
    public Product {
        requireNonNull(name, "name is null");
        requireNonNull(fields, "fields is null");
    }

    public Optional<String> owner() {
        return fields.owner();
    }

    public Optional<String> contact() {
        return fields.contact();
    }

    public Optional<String> description() {
        return fields.description();
    }

    public Optional<Duration> freshnessSla() {
        return fields.freshnessSla();
    }

    public Optional<String> version() {
        return fields.version();
    }

    /** The status as written, {@link ProductStatus#ACTIVE} when none is. */
    public ProductStatus status() {
        return fields.status().orElse(ProductStatus.ACTIVE);
    }

    public Optional<LocalDate> sunset() {
        return fields.sunset();
    }

    public Optional<String> access() {
        return fields.access();
    }

    /** Whether queries on it fail on {@code today}: status retired, or {@code today} after its sunset date. */
    public boolean retiredOn(LocalDate today) {
        requireNonNull(today, "today is null");
        return status() == ProductStatus.RETIRED || sunset().filter(today::isAfter).isPresent();
    }

    /** Whether queries on it answer with a warning on {@code today}: not retired, and deprecated or with a sunset date. */
    public boolean deprecatedOn(LocalDate today) {
        return !retiredOn(today) && (status() == ProductStatus.DEPRECATED || sunset().isPresent());
    }

    /** Its status as it holds on {@code today}: retired or deprecated as the rules above say, otherwise as written. */
    public ProductStatus statusOn(LocalDate today) {
        if (retiredOn(today)) {
            return ProductStatus.RETIRED;
        }
        return deprecatedOn(today) ? ProductStatus.DEPRECATED : status();
    }

    /** Whom to ask about it: its contact, else its owner. */
    public Optional<String> whomToAsk() {
        return contact().or(this::owner);
    }
}
