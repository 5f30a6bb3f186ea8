package io.meshgate.engine.product;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a data product is in its life, written in lower case ({@code meshgate.status: deprecated}).
 * A deprecated product still answers, with a warning, until its sunset date; a retired one no
 * longer answers.
 */
public enum ProductStatus {
    /** Being built: it answers, without any promise yet. */
    DRAFT,
    /** Published and supported; what a product without a status is. */
    ACTIVE,
    /** Still answering, with a warning on every query, until its sunset date. */
    DEPRECATED,
    /** No longer answering: queries on it fail with PRODUCT_RETIRED. */
    RETIRED;

    /** The status written as {@code text} (case-insensitive), or empty when there is no such status. */
    public static Optional<ProductStatus> parse(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.text().equals(lower)).findFirst();
    }

    /** Every status as written, for error messages: {@code draft, active, deprecated, retired}. */
    public static String choices() {
        return Arrays.stream(values()).map(ProductStatus::text).collect(Collectors.joining(", "));
    }

    /** How the status is written and shown. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
