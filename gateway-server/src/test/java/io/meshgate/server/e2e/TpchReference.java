package io.meshgate.server.e2e;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An independent engine to check answers against: DuckDB in memory, loaded straight from the
 * {@code io.trino.tpch} generator (not from the files Meshgate serves), under the demo mesh's
 * {@code domain.schema.table} names, so the TPC-H texts run unchanged on both.
 */
final class TpchReference implements AutoCloseable {
    /** Where each TPC-H table lives in the demo mesh: domain and schema. */
    private static final Map<String, String> LOCATIONS = Map.of(
            "orders", "commerce.sales",
            "lineitem", "commerce.sales",
            "customer", "customer.crm",
            "nation", "customer.crm",
            "region", "customer.crm",
            "part", "supply.inventory",
            "partsupp", "supply.inventory",
            "supplier", "supply.inventory");

    private final DuckDBConnection connection;

    private TpchReference(DuckDBConnection connection) {
        this.connection = connection;
    }

    static TpchReference load(double scaleFactor) throws SQLException {
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            for (String domain : List.of("commerce", "customer", "supply")) {
                statement.execute("ATTACH ':memory:' AS " + domain);
            }
            for (String schema : List.of("commerce.sales", "customer.crm", "supply.inventory")) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            for (TpchTable<?> table : TpchTable.getTables()) {
                statement.execute(createTable(table));
                append(connection, table, scaleFactor);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new TpchReference(connection);
    }

    Connection connection() {
        return connection;
    }

    private static String createTable(TpchTable<?> table) {
        List<String> columns = new ArrayList<>();
        for (TpchColumn<?> column : table.getColumns()) {
            columns.add(column.getColumnName() + " " + sqlType(column) + " NOT NULL");
        }
        return "CREATE TABLE " + LOCATIONS.get(table.getTableName()) + "." + table.getTableName()
                + " (" + String.join(", ", columns) + ")";
    }

    private static String sqlType(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DATE -> "DATE";
            // Every DOUBLE column of TPC-H is money, a quantity or a rate with two decimals.
            case DOUBLE -> "DECIMAL(12,2)";
            case VARCHAR -> "VARCHAR";
        };
    }

    private static <E extends TpchEntity> void append(DuckDBConnection connection, TpchTable<E> table, double scaleFactor)
            throws SQLException {
        String location = LOCATIONS.get(table.getTableName());
        String catalog = location.substring(0, location.indexOf('.'));
        String schema = location.substring(location.indexOf('.') + 1);
        try (DuckDBAppender appender = connection.createAppender(catalog, schema, table.getTableName())) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                appender.beginRow();
                for (TpchColumn<E> column : table.getColumns()) {
                    switch (column.getType().getBase()) {
                        case IDENTIFIER -> appender.append(column.getIdentifier(row));
                        case INTEGER -> appender.append(column.getInteger(row));
                        case DATE -> appender.append(LocalDate.ofEpochDay(column.getDate(row)));
                        case DOUBLE -> appender.append(BigDecimal.valueOf(Math.round(column.getDouble(row) * 100), 2));
                        case VARCHAR -> appender.append(column.getString(row));
                    }
                }
                appender.endRow();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
