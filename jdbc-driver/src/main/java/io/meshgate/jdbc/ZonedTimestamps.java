package io.meshgate.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * {@code ResultSet.getObject(column)} on a TIMESTAMP WITH TIME ZONE column: Arrow's driver (18.3)
 * throws "not implemented" there; JDBC 4.2 maps the type to {@link OffsetDateTime}, which is what
 * the column then gives (the instant, at offset UTC).
 */
final class ZonedTimestamps {
    private ZonedTimestamps() {
    }

    /** Whether {@code method} with {@code args} is the one-argument {@code getObject}. */
    static boolean isPlainGetObject(Method method, Object[] args) {
        return method.getName().equals("getObject") && args != null && args.length == 1;
    }

    /** Whether {@code column} (an index or a label) of {@code rows} is a TIMESTAMP WITH TIME ZONE column. */
    static boolean isZoned(ResultSet rows, Object column) throws SQLException {
        return rows.getMetaData().getColumnType(index(rows, column)) == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    static OffsetDateTime read(ResultSet rows, Object column) throws SQLException {
        return rows.getObject(index(rows, column), OffsetDateTime.class);
    }

    private static int index(ResultSet rows, Object column) throws SQLException {
        return column instanceof Integer index ? index : rows.findColumn((String) column);
    }
}
