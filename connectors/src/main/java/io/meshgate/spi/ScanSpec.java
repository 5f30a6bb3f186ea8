package io.meshgate.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the engine asks of one scan: which columns, in which order, a predicate the connector may
 * use to skip data, and a row limit it may stop at. Refinement returns a new spec.
 *
 * @param columns the columns to return, in this order; empty means no column (only the row count matters)
 * @param filter  a hint for pruning: the engine still evaluates it on what the scan returns
 * @param limit   the scan may stop after this many rows; only set when no predicate is evaluated above the scan
 */
public record ScanSpec(List<String> columns, Optional<ScanPredicate> filter, OptionalLong limit) {
    public ScanSpec {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(filter, "filter is null");
        requireNonNull(limit, "limit is null");
        if (limit.isPresent() && limit.getAsLong() < 0) {
            throw new IllegalArgumentException("Cannot create ScanSpec: limit must not be negative, got " + limit.getAsLong());
        }
    }

    public static ScanSpec allOf(List<String> columns) {
        return new ScanSpec(columns, Optional.empty(), OptionalLong.empty());
    }

    public ScanSpec withColumns(List<String> newColumns) {
        return new ScanSpec(newColumns, filter, limit);
    }

    public ScanSpec withFilter(ScanPredicate newFilter) {
        return new ScanSpec(columns, Optional.of(newFilter), limit);
    }

    public ScanSpec withLimit(long newLimit) {
        return new ScanSpec(columns, filter, OptionalLong.of(newLimit));
    }
}
