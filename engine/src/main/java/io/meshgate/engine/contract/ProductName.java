package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A data product's full name in the mesh namespace, {@code domain.schema.table}. The schema may
 * itself hold dots (a nested namespace): the domain is the first part, the table the last.
 */
public record ProductName(String domain, String schema, String table) {
    public ProductName {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        if (domain.isBlank() || schema.isBlank() || table.isBlank()) {
            throw new IllegalArgumentException("Cannot name a product '" + domain + "." + schema + "." + table
                    + "': domain, schema and table must not be blank");
        }
    }

    /** {@code domain.schema.table}, or empty when the text has fewer than three non-blank parts. */
    public static Optional<ProductName> parse(String text) {
        int first = text.indexOf('.');
        int last = text.lastIndexOf('.');
        if (first <= 0 || last <= first + 1 || last == text.length() - 1) {
            return Optional.empty();
        }
        String domain = text.substring(0, first);
        String schema = text.substring(first + 1, last);
        String table = text.substring(last + 1);
        if (domain.isBlank() || schema.isBlank() || table.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ProductName(domain, schema, table));
    }

    @Override
    public String toString() {
        return domain + "." + schema + "." + table;
    }
}
