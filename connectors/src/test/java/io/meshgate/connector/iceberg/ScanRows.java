package io.meshgate.connector.iceberg;

import io.meshgate.spi.BatchStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;

/**
 * Test fixture: drains a {@link BatchStream} into rows of Java values (Arrow's getObject, text as
 * String, a struct as the list of its fields' values, a list as a List and a map as a LinkedHashMap
 * of such values).
 */
public final class ScanRows {
    private ScanRows() {
    }

    /** Every row of the stream, which is closed afterwards. */
    public static List<List<Object>> drain(BatchStream stream) {
        try (stream) {
            List<List<Object>> rows = new ArrayList<>();
            while (stream.next()) {
                rows.addAll(rows(stream.current()));
            }
            return rows;
        }
    }

    /** The rows of one batch. */
    public static List<List<Object>> rows(VectorSchemaRoot root) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (FieldVector vector : root.getFieldVectors()) {
                values.add(value(vector, row));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object value(FieldVector vector, int row) {
        if (vector instanceof StructVector struct) {
            if (struct.isNull(row)) {
                return null;
            }
            List<Object> fields = new ArrayList<>();
            for (FieldVector child : struct.getChildrenFromFields()) {
                fields.add(value(child, row));
            }
            return fields;
        }
        if (vector instanceof MapVector map) {
            if (map.isNull(row)) {
                return null;
            }
            List<FieldVector> keyAndValue = ((StructVector) map.getDataVector()).getChildrenFromFields();
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (int i = map.getElementStartIndex(row); i < map.getElementEndIndex(row); i++) {
                entries.put(value(keyAndValue.get(0), i), value(keyAndValue.get(1), i));
            }
            return entries;
        }
        if (vector instanceof ListVector list) {
            if (list.isNull(row)) {
                return null;
            }
            List<Object> elements = new ArrayList<>();
            for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
                elements.add(value(list.getDataVector(), i));
            }
            return elements;
        }
        Object value = vector.getObject(row);
        return value instanceof Text text ? text.toString() : value;
    }

    /** The schema of the first batch, for type assertions; the stream is closed afterwards. */
    public static Schema firstSchema(BatchStream stream) {
        try (stream) {
            if (!stream.next()) {
                throw new AssertionError("Expected at least one batch");
            }
            return stream.current().getSchema();
        }
    }
}
