package io.meshgate.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The name of a metadata table, as Trino spells it: the table's name, a {@code $} and the kind
 * ({@code orders$files}, {@code orders$snapshots}). A table name holding a {@code $} always names a
 * metadata table; connectors do not show tables whose own name holds one.
 *
 * @param table the table the metadata describes
 * @param kind  which metadata: {@code files}, {@code snapshots}, ...; which kinds exist is the connector's
 */
public record MetadataTableName(String table, String kind) {
    public static final char SEPARATOR = '$';

    public MetadataTableName {
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        if (table.isEmpty() || kind.isEmpty() || table.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("Cannot name the metadata table '" + kind + "' of table '" + table
                    + "': both must be non-empty and the table name must not hold a '" + SEPARATOR + "'");
        }
    }

    /** {@code table$kind} split at its first {@code $}; empty when {@code name} is not such a name. */
    public static Optional<MetadataTableName> parse(String name) {
        int separator = name.indexOf(SEPARATOR);
        if (separator <= 0 || separator == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new MetadataTableName(name.substring(0, separator), name.substring(separator + 1)));
    }

    /** Whether {@code name} holds a {@code $}, which only metadata table names may. */
    public static boolean isReserved(String name) {
        return name.indexOf(SEPARATOR) >= 0;
    }

    @Override
    public String toString() {
        return table + SEPARATOR + kind;
    }
}
