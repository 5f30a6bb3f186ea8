package io.meshgate.engine.execution;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Writes values in Calcite's internal representation into one result vector; the counterpart of
 * {@link ColumnReaders}. One writer is chosen per vector of the result schema. A writer of a nested
 * vector writes its children through their own writers, at the child positions of each value.
 */
final class ColumnWriters {
    /** Writes one non-null value at one row. */
    interface ColumnWriter {
        void write(int row, Object value);
    }

    private ColumnWriters() {
    }

    /** A writer that also handles nulls. */
    static ColumnWriter forVector(FieldVector vector) {
        if (vector instanceof StructVector struct) {
            return structWriter(struct);
        }
        if (vector instanceof MapVector map) {
            return mapWriter(map);
        }
        if (vector instanceof ListVector list) {
            return listWriter(list);
        }
        ColumnWriter values = valueWriter(vector);
        return (row, value) -> {
            if (value == null) {
                vector.setNull(row);
            } else {
                values.write(row, value);
            }
        };
    }

    /**
     * A struct (ROW) comes as the {@code Object[]} of its fields, or as a {@code List} when Calcite's
     * ROW constructor made it; a NULL struct has NULL fields too.
     */
    private static ColumnWriter structWriter(StructVector vector) {
        List<FieldVector> children = vector.getChildrenFromFields();
        ColumnWriter[] fields = new ColumnWriter[children.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = forVector(children.get(i));
        }
        return (row, value) -> {
            Object[] values = value instanceof List<?> list ? list.toArray() : (Object[]) value;
            if (values == null) {
                vector.setNull(row);
            } else {
                vector.setIndexDefined(row);
            }
            for (int i = 0; i < fields.length; i++) {
                fields[i].write(row, values == null ? null : values[i]);
            }
        };
    }

    /** An ARRAY comes as a {@code List} of its elements (an {@code Object[]} is taken too). */
    private static ColumnWriter listWriter(ListVector vector) {
        ColumnWriter elements = forVector(vector.getDataVector());
        return (row, value) -> {
            if (value == null) {
                vector.setNull(row);
                return;
            }
            List<?> values = value instanceof Object[] array ? Arrays.asList(array) : (List<?>) value;
            int first = vector.startNewValue(row);
            for (int i = 0; i < values.size(); i++) {
                elements.write(first + i, values.get(i));
            }
            vector.endValue(row, values.size());
        };
    }

    /** A MAP comes as a {@code Map}; each entry is one non-null struct of key and value. */
    private static ColumnWriter mapWriter(MapVector vector) {
        StructVector entries = (StructVector) vector.getDataVector();
        List<FieldVector> children = entries.getChildrenFromFields();
        ColumnWriter keys = forVector(children.get(0));
        ColumnWriter values = forVector(children.get(1));
        return (row, value) -> {
            if (value == null) {
                vector.setNull(row);
                return;
            }
            Map<?, ?> map = (Map<?, ?>) value;
            int index = vector.startNewValue(row);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new MeshgateException(ErrorCode.INVALID_DATA, "Cannot return column '" + vector.getName()
                            + "': a map has a NULL key (map keys cannot be NULL)");
                }
                entries.setIndexDefined(index);
                keys.write(index, entry.getKey());
                values.write(index, entry.getValue());
                index++;
            }
            vector.endValue(row, map.size());
        };
    }

    private static ColumnWriter valueWriter(FieldVector vector) {
        if (vector instanceof BigIntVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).longValue());
        }
        if (vector instanceof IntVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).intValue());
        }
        if (vector instanceof SmallIntVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).shortValue());
        }
        if (vector instanceof TinyIntVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).byteValue());
        }
        if (vector instanceof Float8Vector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).doubleValue());
        }
        if (vector instanceof Float4Vector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).floatValue());
        }
        if (vector instanceof DecimalVector v) {
            return (row, value) -> writeDecimal(v, row, value);
        }
        if (vector instanceof VarCharVector v) {
            return (row, value) -> v.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (vector instanceof BitVector v) {
            return (row, value) -> v.setSafe(row, ((Boolean) value) ? 1 : 0);
        }
        if (vector instanceof DateDayVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).intValue());
        }
        if (vector instanceof TimeMilliVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).intValue());
        }
        if (vector instanceof TimeStampMilliVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).longValue());
        }
        if (vector instanceof TimeStampMilliTZVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).longValue());
        }
        if (vector instanceof TimeMicroVector v) {
            return (row, value) -> v.setSafe(row, ((Number) value).longValue() * 1000L);
        }
        if (vector instanceof TimeStampMicroVector v) {
            return (row, value) -> v.setSafe(row, Math.multiplyExact(((Number) value).longValue(), 1000L));
        }
        if (vector instanceof TimeStampMicroTZVector v) {
            return (row, value) -> v.setSafe(row, Math.multiplyExact(((Number) value).longValue(), 1000L));
        }
        if (vector instanceof FixedSizeBinaryVector v) {
            return (row, value) -> writeFixedBinary(v, row, bytes(value));
        }
        if (vector instanceof VarBinaryVector v) {
            return (row, value) -> v.setSafe(row, bytes(value));
        }
        throw new MeshgateException(ErrorCode.NOT_SUPPORTED,
                "Cannot write result column '" + vector.getName() + "': Arrow type " + vector.getField().getType() + " is not supported yet");
    }

    private static void writeDecimal(DecimalVector vector, int row, Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        BigDecimal scaled = decimal.setScale(vector.getScale(), RoundingMode.HALF_UP);
        if (scaled.precision() > vector.getPrecision()) {
            throw new MeshgateException(ErrorCode.INVALID_DATA, "Cannot return column '" + vector.getName()
                    + "': a value does not fit DECIMAL(" + vector.getPrecision() + ", " + vector.getScale() + ") (cast it to a wider type)");
        }
        vector.setSafe(row, scaled);
    }

    private static byte[] bytes(Object value) {
        return value instanceof ByteString bytes ? bytes.getBytes() : (byte[]) value;
    }

    private static void writeFixedBinary(FixedSizeBinaryVector vector, int row, byte[] bytes) {
        if (bytes.length != vector.getByteWidth()) {
            throw new MeshgateException(ErrorCode.INVALID_DATA, "Cannot return column '" + vector.getName() + "': a value of "
                    + bytes.length + " bytes does not fit BINARY(" + vector.getByteWidth() + ") (cast it to VARBINARY)");
        }
        vector.setSafe(row, bytes);
    }
}
