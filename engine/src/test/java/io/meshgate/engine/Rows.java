package io.meshgate.engine;

import io.meshgate.spi.BatchStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads result batches into plain Java rows: numbers as they come, dates as LocalDate, text as
 * String, structs as lists of their fields, lists as lists and maps as LinkedHashMaps of such values.
 */
final class Rows {
    private Rows() {
    }

    static List<List<Object>> read(BatchStream stream) {
        List<List<Object>> rows = new ArrayList<>();
        while (stream.next()) {
            rows.addAll(read(stream.current()));
        }
        return rows;
    }

    /** The rows of one batch. */
    static List<List<Object>> read(VectorSchemaRoot batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector vector : batch.getFieldVectors()) {
                row.add(value(vector, r));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<Object>> run(QueryEngine engine, Session session, String sql) {
        try (PreparedQuery query = engine.prepare(session, sql); BatchStream stream = query.execute()) {
            return read(stream);
        }
    }

    private static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof DateDayVector v) {
            return LocalDate.ofEpochDay(v.get(row));
        }
        if (vector instanceof VarCharVector v) {
            return v.getObject(row).toString();
        }
        if (vector instanceof StructVector v) {
            List<Object> fields = new ArrayList<>();
            for (FieldVector child : v.getChildrenFromFields()) {
                fields.add(value(child, row));
            }
            return fields;
        }
        if (vector instanceof MapVector v) {
            List<FieldVector> keyAndValue = ((StructVector) v.getDataVector()).getChildrenFromFields();
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (int i = v.getElementStartIndex(row); i < v.getElementEndIndex(row); i++) {
                entries.put(value(keyAndValue.get(0), i), value(keyAndValue.get(1), i));
            }
            return entries;
        }
        if (vector instanceof ListVector v) {
            List<Object> elements = new ArrayList<>();
            for (int i = v.getElementStartIndex(row); i < v.getElementEndIndex(row); i++) {
                elements.add(value(v.getDataVector(), i));
            }
            return elements;
        }
        return vector.getObject(row);
    }
}
