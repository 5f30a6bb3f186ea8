package io.meshgate.connector.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.iceberg.StructLike;

/**
 * Writes the Java values of Iceberg's generic records into Arrow vectors of the types
 * {@link IcebergSchemas} gives their columns; a struct is a nested record, written field by field
 * into the children of a {@link StructVector}; a list a {@code List} written element by element
 * into a {@link ListVector}'s data vector; a map a {@code Map} written entry by entry into the
 * {@code entries} structs of a {@link MapVector}. A UUID is written as its text.
 */
final class ArrowValues {
    private static final LocalDateTime EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);

    private ArrowValues() {
    }

    static void set(FieldVector vector, int index, Object value) {
        if (value == null) {
            setNull(vector, index);
        } else if (vector instanceof StructVector v) {
            setStruct(v, index, (StructLike) value);
        } else if (vector instanceof MapVector v) {
            setMap(v, index, (Map<?, ?>) value);
        } else if (vector instanceof ListVector v) {
            setList(v, index, (List<?>) value);
        } else if (vector instanceof BitVector v) {
            v.setSafe(index, (Boolean) value ? 1 : 0);
        } else if (vector instanceof IntVector v) {
            v.setSafe(index, (Integer) value);
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(index, (Long) value);
        } else if (vector instanceof Float4Vector v) {
            v.setSafe(index, (Float) value);
        } else if (vector instanceof Float8Vector v) {
            v.setSafe(index, (Double) value);
        } else if (vector instanceof DecimalVector v) {
            v.setSafe(index, (BigDecimal) value);
        } else if (vector instanceof DateDayVector v) {
            v.setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
        } else if (vector instanceof TimeMicroVector v) {
            v.setSafe(index, ((LocalTime) value).toNanoOfDay() / 1000);
        } else if (vector instanceof TimeStampMicroTZVector v) {
            v.setSafe(index, ChronoUnit.MICROS.between(EPOCH, ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        } else if (vector instanceof TimeStampMicroVector v) {
            v.setSafe(index, ChronoUnit.MICROS.between(EPOCH, (LocalDateTime) value));
        } else if (vector instanceof VarCharVector v) {
            v.setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof FixedSizeBinaryVector v) {
            v.setSafe(index, value instanceof ByteBuffer buffer ? bytes(buffer) : (byte[]) value);
        } else if (vector instanceof VarBinaryVector v) {
            v.setSafe(index, bytes((ByteBuffer) value));
        } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " to " + vector.getMinorType());
        }
    }

    /** A NULL struct has NULL fields too, so that no reader sees values left from an earlier batch. */
    static void setNull(FieldVector vector, int index) {
        if (vector instanceof BaseFixedWidthVector v) {
            v.setNull(index);
        } else if (vector instanceof BaseVariableWidthVector v) {
            v.setNull(index);
        } else if (vector instanceof StructVector v) {
            v.setNull(index);
            v.getChildrenFromFields().forEach(child -> setNull(child, index));
        } else if (vector instanceof ListVector v) {
            v.setNull(index);
        } else {
            throw new IllegalArgumentException("Cannot write NULL to " + vector.getMinorType());
        }
    }

    /** The struct's fields, in the order of both the Iceberg struct type and the Arrow children. */
    private static void setStruct(StructVector vector, int index, StructLike value) {
        vector.setIndexDefined(index);
        List<FieldVector> children = vector.getChildrenFromFields();
        for (int i = 0; i < children.size(); i++) {
            set(children.get(i), index, value.get(i, Object.class));
        }
    }

    private static void setList(ListVector vector, int index, List<?> elements) {
        FieldVector data = vector.getDataVector();
        int first = vector.startNewValue(index);
        for (int i = 0; i < elements.size(); i++) {
            set(data, first + i, elements.get(i));
        }
        vector.endValue(index, elements.size());
    }

    /** Each entry is one non-null struct of key (never NULL in Iceberg) and value. */
    private static void setMap(MapVector vector, int index, Map<?, ?> entries) {
        StructVector structs = (StructVector) vector.getDataVector();
        List<FieldVector> keyAndValue = structs.getChildrenFromFields();
        int position = vector.startNewValue(index);
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            structs.setIndexDefined(position);
            set(keyAndValue.get(0), position, entry.getKey());
            set(keyAndValue.get(1), position, entry.getValue());
            position++;
        }
        vector.endValue(index, entries.size());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
