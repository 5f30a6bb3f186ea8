package io.meshgate.server.transport.flight;

import io.meshgate.engine.BoundParameters;
import io.meshgate.engine.PreparedQuery;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads the parameter batches a client binds with DoPut: each row is one set of values, checked by
 * the engine against the statement's parameter schema. Columns are taken by position. Accepted
 * Arrow types: integers (signed, and unsigned that fit a BIGINT), floating point, decimal, UTF-8
 * (regular and large), boolean, date, time, timestamp, and the null type; the engine then allows
 * the coercions it documents (an int32 for a BIGINT parameter, an int64 for a DECIMAL one).
 */
final class ParameterRows {
    private ParameterRows() {
    }

    /** Every row of {@code batch}, bound for {@code query}. */
    static List<BoundParameters> read(VectorSchemaRoot batch, PreparedQuery query) {
        int expected = query.parameterSchema().getFields().size();
        List<FieldVector> columns = batch.getFieldVectors();
        if (columns.size() != expected) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot bind parameters: the statement has " + expected
                    + " parameter(s), the bound batch has " + columns.size() + " column(s) (bind one column per ?)");
        }
        List<BoundParameters> rows = new ArrayList<>(batch.getRowCount());
        for (int row = 0; row < batch.getRowCount(); row++) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(value(i + 1, columns.get(i), row));
            }
            rows.add(query.bind(values));
        }
        return rows;
    }

    private static Object value(int number, FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        ArrowType type = vector.getField().getType();
        return switch (type.getTypeID()) {
            case Int -> integer(number, vector, row);
            case FloatingPoint -> vector instanceof Float4Vector f ? (Object) f.get(row) : (Object) ((Float8Vector) vector).get(row);
            case Decimal -> vector instanceof DecimalVector d ? d.getObject(row) : unsupported(number, type);
            case Utf8 -> ((VarCharVector) vector).getObject(row).toString();
            case LargeUtf8 -> ((LargeVarCharVector) vector).getObject(row).toString();
            case Bool -> ((BitVector) vector).getObject(row);
            case Date -> vector instanceof DateDayVector d ? LocalDate.ofEpochDay(d.get(row))
                    : LocalDate.ofEpochDay(Math.floorDiv(((DateMilliVector) vector).get(row), 86_400_000L));
            case Time -> time(vector, row);
            case Timestamp -> timestamp((ArrowType.Timestamp) type, (TimeStampVector) vector, row);
            default -> unsupported(number, type);
        };
    }

    private static Object integer(int number, FieldVector vector, int row) {
        if (vector instanceof UInt8Vector u) {
            long value = u.get(row);
            if (value < 0) {
                throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot bind parameter " + number
                        + ": the uint64 value does not fit BIGINT (bind a value in range)");
            }
            return value;
        }
        if (vector instanceof UInt1Vector || vector instanceof UInt2Vector || vector instanceof UInt4Vector) {
            return ((BaseIntVector) vector).getValueAsLong(row);
        }
        if (vector instanceof BigIntVector b) {
            return b.get(row);
        }
        // int8, int16, int32: an Integer, which binds to any integer parameter wide enough.
        return (int) ((BaseIntVector) vector).getValueAsLong(row);
    }

    private static LocalTime time(FieldVector vector, int row) {
        if (vector instanceof TimeSecVector s) {
            return LocalTime.ofSecondOfDay(s.get(row));
        }
        if (vector instanceof TimeMilliVector m) {
            return LocalTime.ofNanoOfDay(m.get(row) * 1_000_000L);
        }
        if (vector instanceof TimeMicroVector u) {
            return LocalTime.ofNanoOfDay(u.get(row) * 1_000L);
        }
        return LocalTime.ofNanoOfDay(((TimeNanoVector) vector).get(row));
    }

    /** A timestamp without a time zone is a local date-time; with one, an instant. */
    private static Object timestamp(ArrowType.Timestamp type, TimeStampVector vector, int row) {
        long raw = vector.get(row);
        Instant instant = switch (type.getUnit()) {
            case SECOND -> Instant.ofEpochSecond(raw);
            case MILLISECOND -> Instant.ofEpochMilli(raw);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000L), Math.floorMod(raw, 1_000_000L) * 1_000L);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000_000L), Math.floorMod(raw, 1_000_000_000L));
        };
        return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
    }

    private static Object unsupported(int number, ArrowType type) {
        throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot bind parameter " + number + ": Arrow type " + type
                + " is not supported (bind integers, floating point, decimal, text, boolean, date, time or timestamp)");
    }
}
