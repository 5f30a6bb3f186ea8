package io.meshgate.server.e2e;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A query result read from any JDBC driver into comparable values, and the comparison of two
 * results: the same number of rows and columns; numbers equal within one unit in the last place of
 * the coarser decimal scale of the two; dates by calendar day; strings exactly.
 */
record ResultRows(List<List<Object>> rows) {
    static ResultRows read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                row.add(normalize(resultSet.getObject(i)));
            }
            rows.add(row);
        }
        return new ResultRows(rows);
    }

    private static Object normalize(Object value) {
        if (value instanceof Number) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate || value == null) {
            return value;
        }
        return value.toString();
    }

    /** Describes the first difference from {@code expected}, or returns null when the results match. */
    String firstDifference(ResultRows expected) {
        if (rows.size() != expected.rows.size()) {
            return "expected " + expected.rows.size() + " rows, got " + rows.size();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> actualRow = rows.get(r);
            List<Object> expectedRow = expected.rows.get(r);
            if (actualRow.size() != expectedRow.size()) {
                return "row " + r + ": expected " + expectedRow.size() + " columns, got " + actualRow.size();
            }
            for (int c = 0; c < actualRow.size(); c++) {
                if (!matches(actualRow.get(c), expectedRow.get(c))) {
                    return "row " + r + " column " + (c + 1) + ": expected " + expectedRow.get(c) + ", got " + actualRow.get(c)
                            + "\n  expected row " + expectedRow + "\n  actual row   " + actualRow;
                }
            }
        }
        return null;
    }

    private static boolean matches(Object actual, Object expected) {
        if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
            // A DECIMAL average or ratio is cut to its declared scale: allow one unit in the last
            // place of the coarser scale, and a relative 1e-9 for binary floating point.
            int scale = Math.min(Math.max(a.scale(), 0), Math.max(e.scale(), 0));
            BigDecimal rounding = BigDecimal.ONE.movePointLeft(scale);
            BigDecimal relative = e.abs().multiply(new BigDecimal("1e-9"));
            return a.subtract(e).abs().compareTo(rounding.max(relative)) <= 0;
        }
        return actual == null ? expected == null : actual.equals(expected);
    }
}
