package io.meshgate.engine.contract;

import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.QueryEngine;
import io.meshgate.engine.Session;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.TableMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The quality rules of one contract check as SQL over one pinned table, each query answering
 * with counts, never with values of the table. Values from the contract are bound as parameters.
 */
final class QualityQueries {
    /** Who runs the checks: an internal name, never an authenticated user. */
    private static final Session CHECKER = Session.of(Principal.of("meshgate-contract-check"));

    private final QueryEngine engine;
    private final ProductName product;
    private final TableMetadata table;
    private final Instant now;

    QualityQueries(QueryEngine engine, ProductName product, TableMetadata table, Instant now) {
        this.engine = engine;
        this.product = product;
        this.table = table;
        this.now = now;
    }

    RuleResult check(QualityRule rule) {
        try {
            if (rule instanceof QualityRule.NotNull r) {
                return notNull(r);
            }
            if (rule instanceof QualityRule.Unique r) {
                return unique(r);
            }
            if (rule instanceof QualityRule.AcceptedValues r) {
                return acceptedValues(r);
            }
            if (rule instanceof QualityRule.Range r) {
                return range(r);
            }
            if (rule instanceof QualityRule.RowCount r) {
                return rowCount(r);
            }
            return freshness((QualityRule.Freshness) rule);
        } catch (RuleError e) {
            return RuleResult.error(rule.name(), e.getMessage());
        } catch (MeshgateException e) {
            return RuleResult.error(rule.name(), "the check's query failed: " + e.getMessage());
        }
    }

    private RuleResult notNull(QualityRule.NotNull rule) {
        column(rule.column());
        long nulls = count(single("SELECT count(*) FROM " + tableName() + " WHERE " + quote(rule.column()) + " IS NULL", List.of()).get(0));
        return RuleResult.of(rule.name(), nulls == 0, nulls == 0 ? "no NULLs in " + rule.column() : plural(nulls, "NULL") + " in " + rule.column());
    }

    private RuleResult unique(QualityRule.Unique rule) {
        rule.columns().forEach(this::column);
        String columns = rule.columns().stream().map(QualityQueries::quote).collect(Collectors.joining(", "));
        String notNull = rule.columns().stream().map(c -> quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        List<Object> row = single("SELECT count(*), sum(n) FROM (SELECT count(*) AS n FROM " + tableName() + " WHERE " + notNull
                + " GROUP BY " + columns + " HAVING count(*) > 1) AS duplicates", List.of());
        long keys = count(row.get(0));
        String key = rule.columns().size() == 1 ? rule.columns().get(0) : "(" + String.join(", ", rule.columns()) + ")";
        if (keys == 0) {
            return RuleResult.pass(rule.name(), key + " is unique");
        }
        return RuleResult.fail(rule.name(), plural(keys, "value") + " of " + key + (keys == 1 ? " occurs" : " occur")
                + " more than once, in " + plural(count(row.get(1)), "row"));
    }

    private RuleResult acceptedValues(QualityRule.AcceptedValues rule) {
        Field field = column(rule.column());
        // A chain of <> rather than NOT IN: Calcite plans a long IN list as a join, which takes seconds to plan.
        String column = quote(rule.column());
        String differsFromAll = String.join(" AND ", rule.values().stream().map(v -> column + " <> ?").toList());
        long others = count(single("SELECT count(*) FROM " + tableName() + " WHERE " + column + " IS NOT NULL AND " + differsFromAll,
                values(field, rule.values())).get(0));
        String accepted = plural(rule.values().size(), "accepted value");
        if (others == 0) {
            return RuleResult.pass(rule.name(), "every " + rule.column() + " is one of the " + accepted);
        }
        return RuleResult.fail(rule.name(), plural(others, "row") + (others == 1 ? " has " : " have ") + rule.column()
                + " outside the " + accepted);
    }

    private RuleResult range(QualityRule.Range rule) {
        Field field = column(rule.column());
        String column = quote(rule.column());
        List<String> counts = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        rule.min().ifPresent(min -> {
            counts.add("count(CASE WHEN " + column + " < ? THEN 1 END)");
            bounds.add(min);
        });
        rule.max().ifPresent(max -> {
            counts.add("count(CASE WHEN " + column + " > ? THEN 1 END)");
            bounds.add(max);
        });
        List<Object> row = single("SELECT " + String.join(", ", counts) + " FROM " + tableName(), values(field, bounds));
        long below = rule.min().isPresent() ? count(row.get(0)) : 0;
        long above = rule.max().isPresent() ? count(row.get(row.size() - 1)) : 0;
        String expected = expected(rule.min(), rule.max());
        if (below == 0 && above == 0) {
            return RuleResult.pass(rule.name(), "every " + rule.column() + " is " + expected);
        }
        List<String> outside = new ArrayList<>();
        if (below > 0) {
            outside.add(plural(below, "row") + " below " + rule.min().orElseThrow());
        }
        if (above > 0) {
            outside.add(plural(above, "row") + " above " + rule.max().orElseThrow());
        }
        return RuleResult.fail(rule.name(), rule.column() + " must be " + expected + ": " + String.join(", ", outside));
    }

    private RuleResult rowCount(QualityRule.RowCount rule) {
        long rows = count(single("SELECT count(*) FROM " + tableName(), List.of()).get(0));
        boolean holds = (rule.min().isEmpty() || rows >= rule.min().getAsLong()) && (rule.max().isEmpty() || rows <= rule.max().getAsLong());
        String expected = expected(rule.min().isPresent() ? Optional.of(Long.toString(rule.min().getAsLong())) : Optional.empty(),
                rule.max().isPresent() ? Optional.of(Long.toString(rule.max().getAsLong())) : Optional.empty());
        return RuleResult.of(rule.name(), holds, plural(rows, "row") + " (expected " + expected + ")");
    }

    /** The age of the pinned snapshot: when it was committed, from the table's snapshot log. */
    private RuleResult freshness(QualityRule.Freshness rule) {
        if (table.snapshotId().isEmpty()) {
            return RuleResult.fail(rule.name(), "the table has no snapshot: no data was committed yet, or its source keeps no snapshots");
        }
        long snapshot = table.snapshotId().getAsLong();
        String log = quote(product.domain()) + "." + quote(product.schema()) + "."
                + quote(new MetadataTableName(product.table(), "snapshots").toString());
        List<Object> committed = firstRow("SELECT committed_at FROM " + log + " WHERE snapshot_id = ?", List.of(snapshot));
        if (committed.isEmpty() || committed.get(0) == null) {
            throw new RuleError("snapshot " + snapshot + " is not in the table's snapshot log (it may have expired)");
        }
        Duration age = Duration.between((Instant) committed.get(0), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        boolean holds = age.compareTo(rule.maxAge()) <= 0;
        return RuleResult.of(rule.name(), holds, "snapshot " + snapshot + " was committed " + Ages.text(age) + " ago"
                + (holds ? " (max_age " : ", more than max_age ") + Ages.text(rule.maxAge()) + (holds ? ")" : ""));
    }

    /** The column of the pinned table named exactly {@code name}; a RuleError when there is none. */
    private Field column(String name) {
        return table.schema().getFields().stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new RuleError("the table has no column '" + name + "' at snapshot " + snapshotText()
                        + " (check the column's name in the contract)"));
    }

    private List<Object> values(Field field, List<String> texts) {
        List<Object> values = new ArrayList<>();
        for (String text : texts) {
            try {
                values.add(ParameterValues.of(text, field.getType()));
            } catch (IllegalArgumentException e) {
                throw new RuleError("cannot compare " + field.getName() + " (" + ColumnTypes.fromArrow(field).type() + ") with the contract's value: "
                        + e.getMessage());
            }
        }
        return values;
    }

    /** The one row of a query that returns exactly one. */
    private List<Object> single(String sql, List<Object> parameters) {
        List<Object> row = firstRow(sql, parameters);
        if (row.isEmpty()) {
            throw new RuleError("the check's query returned no row");
        }
        return row;
    }

    /** The values of the first row of the query's result, empty when it has none. */
    private List<Object> firstRow(String sql, List<Object> parameters) {
        try (PreparedQuery query = engine.prepare(CHECKER, sql); BatchStream stream = query.execute(query.bind(parameters))) {
            while (stream.next()) {
                if (stream.current().getRowCount() > 0) {
                    return stream.current().getFieldVectors().stream().map(v -> value(v, 0)).toList();
                }
            }
            return List.of();
        }
    }

    /** A value of a result: a number as it comes, a timestamp as an Instant; null for NULL. */
    private static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof TimeStampVector timestamps) {
            TimeUnit unit = switch (((ArrowType.Timestamp) vector.getField().getType()).getUnit()) {
                case SECOND -> TimeUnit.SECONDS;
                case MILLISECOND -> TimeUnit.MILLISECONDS;
                case MICROSECOND -> TimeUnit.MICROSECONDS;
                case NANOSECOND -> TimeUnit.NANOSECONDS;
            };
            long micros = unit.toMicros(timestamps.get(row));
            return Instant.EPOCH.plus(Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000));
        }
        return vector.getObject(row);
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private String tableName() {
        return quote(product.domain()) + "." + quote(product.schema()) + "." + quote(product.table());
    }

    private String snapshotText() {
        return table.snapshotId().isPresent() ? Long.toString(table.snapshotId().getAsLong()) : "(none)";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String expected(Optional<String> min, Optional<String> max) {
        if (min.isPresent() && max.isPresent()) {
            return "between " + min.get() + " and " + max.get();
        }
        return min.map(m -> "at least " + m).orElseGet(() -> "at most " + max.orElseThrow());
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A rule that cannot be checked, with the reason. */
    private static final class RuleError extends RuntimeException {
        RuleError(String message) {
            super(message, null, false, false);
        }
    }
}
