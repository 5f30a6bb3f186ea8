package io.meshgate.connector.iceberg;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanPredicate.And;
import io.meshgate.spi.ScanPredicate.Comparison;
import io.meshgate.spi.ScanPredicate.In;
import io.meshgate.spi.ScanPredicate.IsNull;
import io.meshgate.spi.ScanPredicate.Not;
import io.meshgate.spi.ScanPredicate.Or;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts a {@link ScanPredicate} to an Iceberg {@link Expression} that Iceberg uses to prune
 * partitions, files and row groups. The result never rejects a row the predicate accepts: a part
 * that cannot be converted exactly is dropped. Dropping a conjunct of an AND only widens it; an OR or
 * a NOT with any unconvertible part is dropped whole. Literals are converted to the column's type
 * (dates to days, timestamps to microseconds, decimals to the column's scale) only when that is
 * exact; comparisons with timestamp-with-zone columns are dropped, as a zone-less literal has no
 * instant.
 */
final class IcebergPredicates {
    private IcebergPredicates() {
    }

    /** The widest part of {@code predicate} Iceberg can evaluate, or empty when nothing is left. */
    static Optional<Expression> toExpression(ScanPredicate predicate, Schema schema) {
        if (predicate instanceof And and) {
            List<Expression> kept = new ArrayList<>();
            for (ScanPredicate operand : and.operands()) {
                toExpression(operand, schema).ifPresent(kept::add);
            }
            return kept.stream().reduce(Expressions::and);
        }
        return exact(predicate, schema);
    }

    /** The whole of {@code predicate}, or empty when any part of it cannot be converted. */
    private static Optional<Expression> exact(ScanPredicate predicate, Schema schema) {
        if (predicate instanceof Comparison comparison) {
            return comparison(comparison, schema);
        }
        if (predicate instanceof In in) {
            return in(in, schema);
        }
        if (predicate instanceof IsNull isNull) {
            return column(schema, isNull.column()).map(c -> Expressions.isNull(isNull.column()));
        }
        if (predicate instanceof Not not) {
            return exact(not.operand(), schema).map(Expressions::not);
        }
        if (predicate instanceof And and) {
            return all(and.operands(), schema).map(es -> es.stream().reduce(Expressions::and).orElseThrow());
        }
        Or or = (Or) predicate;
        return all(or.operands(), schema).map(es -> es.stream().reduce(Expressions::or).orElseThrow());
    }

    private static Optional<List<Expression>> all(List<ScanPredicate> operands, Schema schema) {
        List<Expression> converted = new ArrayList<>();
        for (ScanPredicate operand : operands) {
            Optional<Expression> expression = exact(operand, schema);
            if (expression.isEmpty()) {
                return Optional.empty();
            }
            converted.add(expression.get());
        }
        return Optional.of(converted);
    }

    private static Optional<Expression> comparison(Comparison comparison, Schema schema) {
        String name = comparison.column();
        return column(schema, name).flatMap(type -> literal(comparison.value(), type)).map(value -> switch (comparison.operator()) {
            case EQUAL -> Expressions.equal(name, value);
            case NOT_EQUAL -> Expressions.notEqual(name, value);
            case LESS_THAN -> Expressions.lessThan(name, value);
            case LESS_THAN_OR_EQUAL -> Expressions.lessThanOrEqual(name, value);
            case GREATER_THAN -> Expressions.greaterThan(name, value);
            case GREATER_THAN_OR_EQUAL -> Expressions.greaterThanOrEqual(name, value);
        });
    }

    private static Optional<Expression> in(In in, Schema schema) {
        Optional<Type> type = column(schema, in.column());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        for (Object value : in.values()) {
            Optional<Object> literal = literal(value, type.get());
            if (literal.isEmpty()) {
                return Optional.empty();
            }
            values.add(literal.get());
        }
        return Optional.of(Expressions.in(in.column(), values));
    }

    private static Optional<Type> column(Schema schema, String name) {
        Types.NestedField field = schema.findField(name);
        return field == null || !field.type().isPrimitiveType() ? Optional.empty() : Optional.of(field.type());
    }

    /** The value as the Java type Iceberg expects for {@code type}, when the conversion is exact. */
    static Optional<Object> literal(Object value, Type type) {
        return switch (type.typeId()) {
            case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
            case INTEGER -> integral(value).filter(v -> v == (int) (long) v).map(v -> (Object) (int) (long) v);
            case LONG -> integral(value).map(v -> (Object) v);
            case FLOAT -> floating(value).filter(v -> (double) (float) (double) v == v).map(v -> (Object) (float) (double) v);
            case DOUBLE -> floating(value).map(v -> (Object) v);
            case DECIMAL -> decimal(value, (Types.DecimalType) type);
            case DATE -> value instanceof LocalDate d ? Optional.of((Object) Math.toIntExact(d.toEpochDay())) : Optional.empty();
            case TIMESTAMP -> value instanceof LocalDateTime t && !((Types.TimestampType) type).shouldAdjustToUTC()
                    ? Optional.of((Object) ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), t))
                    : Optional.empty();
            case STRING -> value instanceof String ? Optional.of(value) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Long> integral(Object value) {
        if (value instanceof Integer i) {
            return Optional.of(i.longValue());
        }
        return value instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    private static Optional<Double> floating(Object value) {
        if (value instanceof Double d) {
            return Optional.of(d);
        }
        return integral(value).filter(v -> (long) (double) v == v && Math.abs(v) < (1L << 53)).map(v -> (double) v);
    }

    private static Optional<Object> decimal(Object value, Types.DecimalType type) {
        BigDecimal decimal;
        if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof Integer || value instanceof Long) {
            decimal = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            return Optional.empty();
        }
        try {
            BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.UNNECESSARY);
            return scaled.precision() <= type.precision() ? Optional.of(scaled) : Optional.empty();
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
