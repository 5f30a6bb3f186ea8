package io.meshgate.connector.jdbc;

import static io.meshgate.connector.jdbc.PostgresPredicates.quote;
import static java.util.Objects.requireNonNull;

import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.Optional;

/**
 * The one statement a scan sends to PostgreSQL: the scan's columns (projection), its predicate as
 * far as {@link PostgresPredicates} translates it, and its limit when the condition is exact, so
 * that PostgreSQL stops where the engine would. A scan of no columns only needs the row count, so
 * it asks for {@code count(*)} rather than for the rows.
 *
 * @param countsRows whether the statement returns one row holding the row count instead of the rows
 */
record PostgresQuery(String sql, List<Object> parameters, boolean countsRows) {
    PostgresQuery {
        requireNonNull(sql, "sql is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    static PostgresQuery of(TableMetadata table, ScanSpec spec) {
        Optional<PostgresPredicates.Condition> condition = spec.filter().flatMap(p -> PostgresPredicates.translate(p, table));
        boolean exact = spec.filter().isEmpty() || condition.map(PostgresPredicates.Condition::exact).orElse(false);
        StringBuilder from = new StringBuilder(" FROM ").append(quote(table.name().schema())).append('.').append(quote(table.name().table()));
        condition.ifPresent(c -> from.append(" WHERE ").append(c.sql()));
        if (spec.limit().isPresent() && exact) {
            from.append(" LIMIT ").append(spec.limit().getAsLong());
        }
        List<Object> parameters = condition.map(PostgresPredicates.Condition::parameters).orElse(List.of());
        if (spec.columns().isEmpty()) {
            return new PostgresQuery("SELECT count(*) FROM (SELECT 1" + from + ") AS counted", parameters, true);
        }
        String columns = String.join(", ", spec.columns().stream().map(PostgresPredicates::quote).toList());
        return new PostgresQuery("SELECT " + columns + from, parameters, false);
    }
}
