package io.meshgate.spi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The typed predicate a connector receives with a scan. A connector may use it to skip
 * partitions, files and row groups; it must never return a row that matches it less well than
 * the engine expects: the engine keeps evaluating the predicate above the scan, so a connector
 * that cannot use part of it may ignore that part.
 *
 * <p>Literal values are one of: {@link Boolean}, {@link Integer}, {@link Long}, {@link Double},
 * {@link BigDecimal}, {@link String}, {@link LocalDate}, {@link LocalDateTime}.
 */
public sealed interface ScanPredicate {

    enum Operator {
        EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="),
        GREATER_THAN(">"), GREATER_THAN_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** {@code column op value}. */
    record Comparison(String column, Operator operator, Object value) implements ScanPredicate {
        public Comparison {
            requireNonNull(column, "column is null");
            requireNonNull(operator, "operator is null");
            checkLiteral(value);
        }

        @Override
        public String toString() {
            return column + " " + operator.symbol() + " " + literalText(value);
        }
    }

    /** {@code column IN (values)}. */
    record In(String column, List<Object> values) implements ScanPredicate {
        public In {
            requireNonNull(column, "column is null");
            values = List.copyOf(requireNonNull(values, "values is null"));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Cannot create In on " + column + ": no values");
            }
            values.forEach(ScanPredicate::checkLiteral);
        }

        @Override
        public String toString() {
            return column + " IN (" + String.join(", ", values.stream().map(ScanPredicate::literalText).toList()) + ")";
        }
    }

    /** {@code column IS NULL}. */
    record IsNull(String column) implements ScanPredicate {
        public IsNull {
            requireNonNull(column, "column is null");
        }

        @Override
        public String toString() {
            return column + " IS NULL";
        }
    }

    /** {@code NOT operand}. */
    record Not(ScanPredicate operand) implements ScanPredicate {
        public Not {
            requireNonNull(operand, "operand is null");
        }

        @Override
        public String toString() {
            return "NOT (" + operand + ")";
        }
    }

    /** Every operand holds. */
    record And(List<ScanPredicate> operands) implements ScanPredicate {
        public And {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.size() < 2) {
                throw new IllegalArgumentException("Cannot create And: needs two or more operands, got " + operands.size());
            }
        }

        @Override
        public String toString() {
            return String.join(" AND ", operands.stream().map(o -> "(" + o + ")").toList());
        }
    }

    /** At least one operand holds. */
    record Or(List<ScanPredicate> operands) implements ScanPredicate {
        public Or {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.size() < 2) {
                throw new IllegalArgumentException("Cannot create Or: needs two or more operands, got " + operands.size());
            }
        }

        @Override
        public String toString() {
            return String.join(" OR ", operands.stream().map(o -> "(" + o + ")").toList());
        }
    }

    private static void checkLiteral(Object value) {
        requireNonNull(value, "literal is null (use IsNull for NULL tests)");
        if (!(value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof BigDecimal || value instanceof String || value instanceof LocalDate
                || value instanceof LocalDateTime)) {
            throw new IllegalArgumentException("Cannot use literal of type " + value.getClass().getName()
                    + " in a scan predicate (use Boolean, Integer, Long, Double, BigDecimal, String, LocalDate or LocalDateTime)");
        }
    }

    private static String literalText(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (value instanceof LocalDateTime t) {
            return "TIMESTAMP '" + t + "'";
        }
        return value.toString();
    }
}
