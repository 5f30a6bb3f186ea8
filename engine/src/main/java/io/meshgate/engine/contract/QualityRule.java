package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One quality rule of a contract, checked against the table's current snapshot. Each has a
 * {@link #name()} that is unique within its contract and names it in results
 * ({@code not_null(c_phone)}, {@code unique(l_orderkey, l_linenumber)}, {@code freshness}). Rules
 * on a column ignore its NULLs except {@link NotNull}. Values are kept as written and converted
 * to the column's type when the rule is checked.
 */
public sealed interface QualityRule {
    String name();

    /** The column has no NULL. */
    record NotNull(String column) implements QualityRule {
        public NotNull {
            requireNonNull(column, "column is null");
        }

        @Override
        public String name() {
            return "not_null(" + column + ")";
        }
    }

    /** No two rows share a value of the columns taken together; rows with a NULL in any of them are not compared. */
    record Unique(List<String> columns) implements QualityRule {
        public Unique {
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("Cannot create Unique: no columns");
            }
        }

        @Override
        public String name() {
            return "unique(" + String.join(", ", columns) + ")";
        }
    }

    /** Every non-NULL value of the column is one of {@code values}. */
    record AcceptedValues(String column, List<String> values) implements QualityRule {
        public AcceptedValues {
            requireNonNull(column, "column is null");
            values = List.copyOf(requireNonNull(values, "values is null"));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Cannot create AcceptedValues: no values");
            }
        }

        @Override
        public String name() {
            return "accepted_values(" + column + ")";
        }
    }

    /** Every non-NULL value of the column is at least {@code min} and at most {@code max} (both included); one may be absent. */
    record Range(String column, Optional<String> min, Optional<String> max) implements QualityRule {
        public Range {
            requireNonNull(column, "column is null");
            requireNonNull(min, "min is null");
            requireNonNull(max, "max is null");
            if (min.isEmpty() && max.isEmpty()) {
                throw new IllegalArgumentException("Cannot create Range: give min, max or both");
            }
        }

        @Override
        public String name() {
            return "range(" + column + ")";
        }
    }

    /** The table has at least {@code min} and at most {@code max} rows; one may be absent. */
    record RowCount(OptionalLong min, OptionalLong max) implements QualityRule {
        public RowCount {
            requireNonNull(min, "min is null");
            requireNonNull(max, "max is null");
            if (min.isEmpty() && max.isEmpty()) {
                throw new IllegalArgumentException("Cannot create RowCount: give min, max or both");
            }
            if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
                throw new IllegalArgumentException("Cannot create RowCount: min " + min.getAsLong() + " is above max " + max.getAsLong());
            }
        }

        @Override
        public String name() {
            return "row_count";
        }
    }

    /** The current snapshot was committed at most {@code maxAge} before the check. */
    record Freshness(Duration maxAge) implements QualityRule {
        public Freshness {
            requireNonNull(maxAge, "maxAge is null");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("Cannot create Freshness: maxAge must be positive");
            }
        }

        @Override
        public String name() {
            return "freshness";
        }
    }
}
