package io.meshgate.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.BitSet;

/**
 * {@code ResultSet.getObject(column)} on the TIMESTAMP WITH TIME ZONE columns of one result set:
 * Arrow's driver (18.3) throws "not implemented" there; JDBC 4.2 maps the type to
 * {@link OffsetDateTime}, which is what such a column then gives (the instant, at offset UTC). The
 * columns are looked up once per result set, not per value.
 */
final class ZonedTimestamps {
    private final ResultSet rows;
    private final BitSet zoned;

    private ZonedTimestamps(ResultSet rows, BitSet zoned) {
        this.rows = rows;
        this.zoned = zoned;
    }

    static ZonedTimestamps of(ResultSet rows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        BitSet zoned = new BitSet();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            zoned.set(i, columns.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE);
        }
        return new ZonedTimestamps(rows, zoned);
    }

    /** Whether {@code method} with {@code args} is the one-argument {@code getObject}. */
    static boolean isPlainGetObject(Method method, Object[] args) {
        return method.getName().equals("getObject") && args != null && args.length == 1;
    }

    /** Whether {@code column} (an index or a label) is a TIMESTAMP WITH TIME ZONE column. */
    boolean isZoned(Object column) throws SQLException {
        return !zoned.isEmpty() && zoned.get(index(column));
    }

    OffsetDateTime read(Object column) throws SQLException {
        return rows.getObject(index(column), OffsetDateTime.class);
    }

    private int index(Object column) throws SQLException {
        return column instanceof Integer index ? index : rows.findColumn((String) column);
    }
}
