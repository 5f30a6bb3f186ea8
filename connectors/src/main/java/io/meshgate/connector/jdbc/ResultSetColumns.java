package io.meshgate.connector.jdbc;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Copies the columns of a JDBC result row into Arrow vectors of the types {@link PostgresTypes}
 * gives them, one writer per column chosen once, so that no row dispatches on the type. Text
 * columns take the driver's text of the value. A value the Arrow type cannot hold (PostgreSQL's
 * {@code infinity} dates and timestamps, a {@code NaN} decimal) fails with INVALID_DATA naming the
 * column, never the value (B4).
 */
final class ResultSetColumns {
    /** Writes column {@code index} (from 1) of the current row of a result set into row {@code row} of a vector. */
    interface ColumnWriter {
        void write(ResultSet rows, int row) throws SQLException;
    }

    private ResultSetColumns() {
    }

    /** One writer per vector of {@code vectors}, which are the result set's columns in order; {@code table} names the source in errors. */
    static ColumnWriter[] writers(List<FieldVector> vectors, String table) {
        ColumnWriter[] writers = new ColumnWriter[vectors.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writer(vectors.get(i), i + 1, table);
        }
        return writers;
    }

    private static ColumnWriter writer(FieldVector vector, int index, String table) {
        if (vector instanceof BitVector v) {
            return (rows, row) -> {
                boolean value = rows.getBoolean(index);
                set(v, row, rows.wasNull(), () -> v.setSafe(row, value ? 1 : 0));
            };
        } else if (vector instanceof SmallIntVector v) {
            return (rows, row) -> {
                short value = rows.getShort(index);
                set(v, row, rows.wasNull(), () -> v.setSafe(row, value));
            };
        } else if (vector instanceof IntVector v) {
            return (rows, row) -> {
                int value = rows.getInt(index);
                set(v, row, rows.wasNull(), () -> v.setSafe(row, value));
            };
        } else if (vector instanceof BigIntVector v) {
            return (rows, row) -> {
                long value = rows.getLong(index);
                set(v, row, rows.wasNull(), () -> v.setSafe(row, value));
            };
        } else if (vector instanceof Float4Vector v) {
            return (rows, row) -> {
                float value = rows.getFloat(index);
                set(v, row, rows.wasNull(), () -> v.setSafe(row, value));
            };
        } else if (vector instanceof Float8Vector v) {
            return (rows, row) -> {
                double value = rows.getDouble(index);
                set(v, row, rows.wasNull(), () -> v.setSafe(row, value));
            };
        } else if (vector instanceof DecimalVector v) {
            return (rows, row) -> {
                String text = rows.getString(index);
                set(v, row, text == null, () -> v.setSafe(row, decimal(text, v.getScale(), v.getName(), table)));
            };
        } else if (vector instanceof DateDayVector v) {
            return (rows, row) -> {
                LocalDate value = rows.getObject(index, LocalDate.class);
                set(v, row, value == null, () -> v.setSafe(row, epochDay(value, v.getName(), table)));
            };
        } else if (vector instanceof TimeMicroVector v) {
            return (rows, row) -> {
                LocalTime value = rows.getObject(index, LocalTime.class);
                set(v, row, value == null, () -> v.setSafe(row, value.toNanoOfDay() / 1_000));
            };
        } else if (vector instanceof TimeStampMicroTZVector v) {
            return (rows, row) -> {
                OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
                set(v, row, value == null, () -> v.setSafe(row, epochMicros(value.toInstant(), v.getName(), table)));
            };
        } else if (vector instanceof TimeStampMicroVector v) {
            return (rows, row) -> {
                LocalDateTime value = rows.getObject(index, LocalDateTime.class);
                set(v, row, value == null, () -> v.setSafe(row, epochMicros(value.toInstant(ZoneOffset.UTC), v.getName(), table)));
            };
        } else if (vector instanceof VarBinaryVector v) {
            return (rows, row) -> {
                byte[] value = rows.getBytes(index);
                set(v, row, value == null, () -> v.setSafe(row, value));
            };
        } else if (vector instanceof VarCharVector v) {
            return (rows, row) -> {
                String value = rows.getString(index);
                set(v, row, value == null, () -> v.setSafe(row, value.getBytes(StandardCharsets.UTF_8)));
            };
        }
        throw new IllegalArgumentException("Cannot read PostgreSQL values into " + vector.getMinorType() + " vector " + vector.getName());
    }

    private static void set(FieldVector vector, int row, boolean isNull, Runnable setValue) {
        if (isNull) {
            vector.setNull(row);
        } else {
            setValue.run();
        }
    }

    /** A decimal from PostgreSQL's text of it, which is exact; NaN and infinity have no decimal. */
    private static BigDecimal decimal(String text, int scale, String column, String table) {
        try {
            return new BigDecimal(text).setScale(scale, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw unrepresentable(column, table, "decimal", "NaN or infinity");
        }
    }

    private static int epochDay(LocalDate date, String column, String table) {
        try {
            return Math.toIntExact(date.toEpochDay());
        } catch (ArithmeticException e) {
            throw unrepresentable(column, table, "date", "infinity");
        }
    }

    private static long epochMicros(Instant instant, String column, String table) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw unrepresentable(column, table, "timestamp", "infinity");
        }
    }

    private static MeshgateException unrepresentable(String column, String table, String type, String values) {
        return new MeshgateException(ErrorCode.INVALID_DATA, "Cannot read column '" + column + "' of PostgreSQL table " + table
                + ": it holds a value no " + type + " can hold (" + values + "; exclude such rows or cast the column to text in a view)");
    }
}
