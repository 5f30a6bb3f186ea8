package io.meshgate.engine.execution;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
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
 * Reads one Arrow column value by value in Calcite's internal representation: DATE as int days,
 * TIME as int milliseconds, TIMESTAMP as long milliseconds (microseconds are cut to milliseconds),
 * DECIMAL as BigDecimal, VARCHAR as String, BINARY and VARBINARY as {@link ByteString}, a struct (ROW)
 * as an {@code Object[]} of its fields, an ARRAY as a {@code List} of its elements and a MAP as a
 * {@code Map} in entry order, all in this representation.
 * One reader is chosen per vector, so no per-value dispatch on the type happens.
 */
final class ColumnReaders {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** Reads the value at one row, or null. */
    interface ColumnReader {
        Object read(int row);
    }

    private ColumnReaders() {
    }

    static ColumnReader forVector(FieldVector vector) {
        if (vector instanceof BigIntVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof IntVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof SmallIntVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof TinyIntVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof Float8Vector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof Float4Vector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof DecimalVector v) {
            return v::getObject;
        }
        if (vector instanceof VarCharVector v) {
            return row -> v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
        }
        if (vector instanceof LargeVarCharVector v) {
            return row -> v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
        }
        if (vector instanceof BitVector v) {
            return row -> v.isNull(row) ? null : v.get(row) != 0;
        }
        if (vector instanceof DateDayVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof DateMilliVector v) {
            return row -> v.isNull(row) ? null : (int) Math.floorDiv(v.get(row), MILLIS_PER_DAY);
        }
        if (vector instanceof TimeMilliVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof TimeMicroVector v) {
            return row -> v.isNull(row) ? null : (int) Math.floorDiv(v.get(row), 1000L);
        }
        if (vector instanceof TimeStampMilliVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof TimeStampMilliTZVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        if (vector instanceof TimeStampMicroVector v) {
            return row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1000L);
        }
        if (vector instanceof TimeStampMicroTZVector v) {
            return row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1000L);
        }
        if (vector instanceof FixedSizeBinaryVector v) {
            return row -> v.isNull(row) ? null : new ByteString(v.get(row));
        }
        if (vector instanceof VarBinaryVector v) {
            return row -> v.isNull(row) ? null : new ByteString(v.get(row));
        }
        if (vector instanceof LargeVarBinaryVector v) {
            return row -> v.isNull(row) ? null : new ByteString(v.get(row));
        }
        if (vector instanceof StructVector v) {
            return struct(v);
        }
        if (vector instanceof MapVector v) {
            return map(v);
        }
        if (vector instanceof ListVector v) {
            return list(v);
        }
        throw new MeshgateException(ErrorCode.NOT_SUPPORTED,
                "Cannot read column '" + vector.getName() + "': Arrow type " + vector.getField().getType() + " is not supported yet");
    }

    /** A struct as the {@code Object[]} of its fields' values, which is how Calcite's generated code reads a ROW. */
    private static ColumnReader struct(StructVector vector) {
        List<FieldVector> children = vector.getChildrenFromFields();
        ColumnReader[] fields = new ColumnReader[children.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = forVector(children.get(i));
        }
        return row -> {
            if (vector.isNull(row)) {
                return null;
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = fields[i].read(row);
            }
            return values;
        };
    }

    /** A list as the {@code List} of its elements, which is how Calcite's generated code reads an ARRAY. */
    private static ColumnReader list(ListVector vector) {
        ColumnReader elements = forVector(vector.getDataVector());
        return row -> {
            if (vector.isNull(row)) {
                return null;
            }
            int end = vector.getElementEndIndex(row);
            List<Object> values = new ArrayList<>(end - vector.getElementStartIndex(row));
            for (int i = vector.getElementStartIndex(row); i < end; i++) {
                values.add(elements.read(i));
            }
            return values;
        };
    }

    /** A map as a {@code Map} of its entries in their order, which is how Calcite's generated code reads a MAP. */
    private static ColumnReader map(MapVector vector) {
        StructVector entries = (StructVector) vector.getDataVector();
        List<FieldVector> children = entries.getChildrenFromFields();
        ColumnReader keys = forVector(children.get(0));
        ColumnReader values = forVector(children.get(1));
        return row -> {
            if (vector.isNull(row)) {
                return null;
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = vector.getElementStartIndex(row); i < vector.getElementEndIndex(row); i++) {
                map.put(keys.read(i), values.read(i));
            }
            return map;
        };
    }
}
