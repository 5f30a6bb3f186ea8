package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.TableMetadata;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Translates a {@link ScanPredicate} into a PostgreSQL condition whose literals are all JDBC
 * parameters, never SQL text. A translated condition keeps every row the engine would keep: a
 * comparison is translated only where PostgreSQL decides it exactly as the engine does, and only
 * whole conjuncts of the top-level AND may be left out (the engine evaluates the predicate again
 * above the scan). Exactly decided are:
 * <ul>
 *   <li>{@code IS NULL}, on any column;</li>
 *   <li>comparisons and IN on integer, decimal, date and boolean columns;</li>
 *   <li>comparisons and IN on {@code text} and {@code varchar} columns: equality as written when the
 *       column's collation is deterministic (so indexes serve it), otherwise and for ordering under
 *       {@code COLLATE "C"}, whose byte order matches the engine's for literals without characters
 *       from U+D800 on (other literals are not pushed);</li>
 *   <li>comparisons and IN on {@code timestamp} columns with whole-millisecond literals, rewritten
 *       as ranges because the engine sees timestamps cut to milliseconds.</li>
 * </ul>
 * Floating-point columns (NaN and -0 order differently), {@code char(n)} (PostgreSQL ignores its
 * padding), {@code timestamptz} and every column read as text from another type are only tested
 * for NULL.
 */
final class PostgresPredicates {
    /** PostgreSQL accepts at most 65535 parameters in one statement; stay well below. */
    static final int MAX_PARAMETERS = 30_000;
    private static final Pattern TEXT_TYPE = Pattern.compile("text|character varying(\\(\\d+\\))?");
    private static final int NANOS_PER_MILLI = 1_000_000;

    /**
     * A condition and its parameters, in order.
     *
     * @param exact whether the condition keeps exactly the rows the predicate keeps (nothing was left out)
     */
    record Condition(String sql, List<Object> parameters, boolean exact) {
        Condition {
            requireNonNull(sql, "sql is null");
            parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        }
    }

    private enum Semantics {
        /** Integers, decimals, dates, booleans: PostgreSQL compares them exactly as the engine. */
        ORDERED,
        /** text and varchar. */
        TEXT,
        /** timestamp without time zone, which the engine reads cut to milliseconds. */
        TIMESTAMP,
        /** Anything else: only IS NULL is pushed. */
        NULL_ONLY
    }

    private PostgresPredicates() {
    }

    /** The condition for {@code predicate} over {@code table}'s columns; empty when no part of it can be pushed. */
    static Optional<Condition> translate(ScanPredicate predicate, TableMetadata table) {
        Map<String, Field> fields = table.schema().getFields().stream().collect(Collectors.toMap(Field::getName, Function.identity()));
        Translator translator = new Translator(fields);
        Optional<Condition> condition = translator.exact(predicate).map(sql -> new Condition(sql.text, sql.parameters, true))
                .or(() -> translator.superset(predicate).map(sql -> new Condition(sql.text, sql.parameters, false)));
        return condition.filter(c -> c.parameters().size() <= MAX_PARAMETERS);
    }

    /** Quotes an identifier for PostgreSQL: in double quotes, inner double quotes doubled. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private record Sql(String text, List<Object> parameters) {
    }

    private record Translator(Map<String, Field> fields) {
        /** A condition keeping at least the rows {@code predicate} keeps. */
        Optional<Sql> superset(ScanPredicate predicate) {
            if (predicate instanceof ScanPredicate.And and) {
                List<Sql> kept = new ArrayList<>();
                for (ScanPredicate operand : and.operands()) {
                    superset(operand).ifPresent(kept::add);
                }
                return kept.isEmpty() ? Optional.empty() : Optional.of(join(kept, " AND "));
            }
            if (predicate instanceof ScanPredicate.Or or) {
                return all(or.operands(), this::superset).map(operands -> join(operands, " OR "));
            }
            return exact(predicate);
        }

        /** A condition keeping exactly the rows {@code predicate} keeps. */
        Optional<Sql> exact(ScanPredicate predicate) {
            if (predicate instanceof ScanPredicate.IsNull isNull) {
                return column(isNull.column()).map(f -> new Sql(quote(f.getName()) + " IS NULL", List.of()));
            } else if (predicate instanceof ScanPredicate.Comparison comparison) {
                return comparison(comparison.column(), comparison.operator(), comparison.value());
            } else if (predicate instanceof ScanPredicate.In in) {
                return in(in);
            } else if (predicate instanceof ScanPredicate.Not not) {
                return exact(not.operand()).map(sql -> new Sql("NOT (" + sql.text + ")", sql.parameters));
            } else if (predicate instanceof ScanPredicate.And and) {
                return all(and.operands(), this::exact).map(operands -> join(operands, " AND "));
            }
            return all(((ScanPredicate.Or) predicate).operands(), this::exact).map(operands -> join(operands, " OR "));
        }

        private Optional<Sql> comparison(String name, ScanPredicate.Operator operator, Object value) {
            Optional<Field> field = column(name);
            if (field.isEmpty()) {
                return Optional.empty();
            }
            String column = quote(name);
            return switch (semantics(field.get())) {
                case ORDERED -> accepts(field.get(), value)
                        ? Optional.of(new Sql(column + " " + operator.symbol() + " ?", List.of(value))) : Optional.empty();
                case TEXT -> text(field.get(), column, operator, value);
                case TIMESTAMP -> timestamp(column, operator, value);
                case NULL_ONLY -> Optional.empty();
            };
        }

        /** Equality as written under a bytewise collation; otherwise, and for ordering, in byte order. */
        private static Optional<Sql> text(Field field, String column, ScanPredicate.Operator operator, Object value) {
            if (!(value instanceof String text) || text.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            boolean equality = operator == ScanPredicate.Operator.EQUAL || operator == ScanPredicate.Operator.NOT_EQUAL;
            if (equality && "true".equals(field.getMetadata().get(PostgresTypes.BYTEWISE_EQUALITY))) {
                return Optional.of(new Sql(column + " " + operator.symbol() + " ?", List.of(text)));
            }
            if (!equality && !ordersLikeJava(text)) {
                return Optional.empty();
            }
            return Optional.of(new Sql(column + " COLLATE \"C\" " + operator.symbol() + " ?", List.of(text)));
        }

        /**
         * The engine compares a timestamp {@code t} cut to milliseconds, {@code floor(t)}, with a
         * whole-millisecond literal {@code x}; with {@code x1 = x + 1 ms}, {@code floor(t) = x} is
         * {@code x <= t < x1}, {@code floor(t) <= x} is {@code t < x1}, {@code floor(t) > x} is
         * {@code t >= x1}, and {@code <} and {@code >=} stay as they are.
         */
        private static Optional<Sql> timestamp(String column, ScanPredicate.Operator operator, Object value) {
            if (!(value instanceof LocalDateTime start) || start.getNano() % NANOS_PER_MILLI != 0) {
                return Optional.empty();
            }
            LocalDateTime next = start.plusNanos(NANOS_PER_MILLI);
            return Optional.of(switch (operator) {
                case EQUAL -> new Sql("(" + column + " >= ? AND " + column + " < ?)", List.of(start, next));
                case NOT_EQUAL -> new Sql("(" + column + " < ? OR " + column + " >= ?)", List.of(start, next));
                case LESS_THAN -> new Sql(column + " < ?", List.of(start));
                case LESS_THAN_OR_EQUAL -> new Sql(column + " < ?", List.of(next));
                case GREATER_THAN -> new Sql(column + " >= ?", List.of(next));
                case GREATER_THAN_OR_EQUAL -> new Sql(column + " >= ?", List.of(start));
            });
        }

        /** The equalities of the values, as one {@code IN} list when each is a plain {@code lhs = ?}. */
        private Optional<Sql> in(ScanPredicate.In in) {
            List<Sql> equalities = new ArrayList<>();
            for (Object value : in.values()) {
                Optional<Sql> equality = comparison(in.column(), ScanPredicate.Operator.EQUAL, value);
                if (equality.isEmpty()) {
                    return Optional.empty();
                }
                equalities.add(equality.get());
            }
            String first = equalities.get(0).text;
            boolean plain = first.endsWith(" = ?") && equalities.stream().allMatch(e -> e.text.equals(first) && e.parameters.size() == 1);
            if (!plain) {
                return Optional.of(join(equalities, " OR "));
            }
            String placeholders = String.join(", ", equalities.stream().map(e -> "?").toList());
            return Optional.of(new Sql(first.substring(0, first.length() - " = ?".length()) + " IN (" + placeholders + ")", in.values()));
        }

        private Optional<Field> column(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        private static Optional<List<Sql>> all(List<ScanPredicate> operands, Function<ScanPredicate, Optional<Sql>> translate) {
            List<Sql> translated = new ArrayList<>();
            for (ScanPredicate operand : operands) {
                Optional<Sql> sql = translate.apply(operand);
                if (sql.isEmpty()) {
                    return Optional.empty();
                }
                translated.add(sql.get());
            }
            return Optional.of(translated);
        }

        private static Sql join(List<Sql> operands, String separator) {
            if (operands.size() == 1) {
                return operands.get(0);
            }
            List<Object> parameters = new ArrayList<>();
            operands.forEach(o -> parameters.addAll(o.parameters));
            return new Sql(String.join(separator, operands.stream().map(o -> "(" + o.text + ")").toList()), parameters);
        }
    }

    private static Semantics semantics(Field field) {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Int, Decimal, Date, Bool -> Semantics.ORDERED;
            case Timestamp -> ((ArrowType.Timestamp) type).getTimezone() == null ? Semantics.TIMESTAMP : Semantics.NULL_ONLY;
            case Utf8 -> TEXT_TYPE.matcher(field.getMetadata().getOrDefault(TableMetadata.SOURCE_TYPE, "")).matches()
                    ? Semantics.TEXT : Semantics.NULL_ONLY;
            default -> Semantics.NULL_ONLY;
        };
    }

    /** Whether a literal has a Java type PostgreSQL compares exactly with the column's type. */
    private static boolean accepts(Field field, Object value) {
        return switch (field.getType().getTypeID()) {
            case Int, Decimal -> value instanceof Integer || value instanceof Long || value instanceof BigDecimal;
            case Date -> value instanceof LocalDate;
            case Bool -> value instanceof Boolean;
            default -> false;
        };
    }

    /**
     * Whether comparing {@code literal} in byte order (UTF-8, PostgreSQL's {@code "C"}) gives what
     * Java's UTF-16 order gives against any string: the two orders differ only between characters
     * from U+E000 and characters above U+FFFF, so a literal below U+D800 compares alike.
     */
    private static boolean ordersLikeJava(String literal) {
        return literal.chars().allMatch(c -> c < 0xD800);
    }
}
