package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How an {@link IcebergConnector} keeps table metadata between calls.
 *
 * @param maxTables         the most tables whose described metadata is kept (least used go first)
 * @param listingFreshness  how old what a listing shows may be: table names of a namespace, and a
 *                          table's metadata checked against the catalog, are reused for listings
 *                          within this time. A table created, dropped or altered by another engine
 *                          shows in listings at most this long after. Queries never use it: they
 *                          always check the catalog's current metadata location.
 */
public record MetadataCacheConfig(long maxTables, Duration listingFreshness) {
    /** 100,000 tables; listings at most 10 seconds behind the catalog. */
    public static final MetadataCacheConfig DEFAULT = new MetadataCacheConfig(100_000, Duration.ofSeconds(10));

    public MetadataCacheConfig {
        requireNonNull(listingFreshness, "listingFreshness is null");
        if (maxTables < 0) {
            throw new IllegalArgumentException("Cannot cache table metadata: maxTables is " + maxTables + " (use 0 or more)");
        }
        if (listingFreshness.isNegative()) {
            throw new IllegalArgumentException("Cannot cache table metadata: listingFreshness is negative (use zero or more)");
        }
    }
}
