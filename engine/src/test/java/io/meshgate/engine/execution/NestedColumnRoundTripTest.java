package io.meshgate.engine.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.engine.types.MeshJavaTypeFactory;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Values in Calcite's representation written into result vectors by {@link ColumnWriters} read back
 * equal through {@link ColumnReaders}, and the Calcite type survives the trip to Arrow and back:
 * arrays of structs, maps with NULL values, NULL structs next to structs of NULLs, binary.
 */
class NestedColumnRoundTripTest {
    private final RelDataTypeFactory types = new MeshJavaTypeFactory();

    private RelDataType nullable(RelDataType type) {
        return types.createTypeWithNullability(type, true);
    }

    private RelDataType sql(SqlTypeName name) {
        return nullable(types.createSqlType(name));
    }

    private List<Object> roundTrip(RelDataType type, List<Object> values) {
        Field field = ArrowTypes.toArrowField("c", type);
        assertEquals(type.getFullTypeString(), ArrowTypes.toSqlType(field, types).getFullTypeString(), "type survives Arrow");
        try (RootAllocator allocator = new RootAllocator(); FieldVector vector = field.createVector(allocator)) {
            for (int pass = 0; pass < 2; pass++) {
                vector.clear();
                vector.allocateNew();
                ColumnWriters.ColumnWriter writer = ColumnWriters.forVector(vector);
                for (int row = 0; row < values.size(); row++) {
                    writer.write(row, values.get(row));
                }
                vector.setValueCount(values.size());
            }
            ColumnReaders.ColumnReader reader = ColumnReaders.forVector(vector);
            List<Object> read = new ArrayList<>();
            for (int row = 0; row < values.size(); row++) {
                read.add(normalized(reader.read(row)));
            }
            return read;
        }
    }

    /** Structs come back as Object[]: as lists, to compare. */
    private static Object normalized(Object value) {
        if (value instanceof Object[] fields) {
            return Arrays.stream(fields).map(NestedColumnRoundTripTest::normalized).toList();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(e -> copy.add(normalized(e)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(normalized(k), normalized(v)));
            return copy;
        }
        return value;
    }

    @Test
    void arrayOfStructsWithNullElementsAndNullFields() {
        RelDataType struct = nullable(types.builder().add("name", sql(SqlTypeName.VARCHAR)).add("qty", sql(SqlTypeName.INTEGER)).build());
        RelDataType type = nullable(types.createArrayType(struct, -1));
        List<Object> values = Arrays.asList(
                List.of(new Object[] {"a", 1}, new Object[] {null, null}),
                null,
                List.of(),
                Arrays.asList((Object) null),
                new Object[] {new Object[] {"b", 2}});
        assertEquals(Arrays.asList(
                List.of(List.of("a", 1), Arrays.asList(null, null)),
                null,
                List.of(),
                Arrays.asList((Object) null),
                List.of(List.of("b", 2))), roundTrip(type, values));
    }

    @Test
    void mapOfArraysWithNullValuesKeepsEntryOrder() {
        RelDataType type = nullable(types.createMapType(types.createSqlType(SqlTypeName.VARCHAR),
                nullable(types.createArrayType(sql(SqlTypeName.BIGINT), -1))));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", Arrays.asList(1L, null));
        map.put("a", null);
        map.put("m", List.of());
        assertEquals(Arrays.asList(map, null, Map.of()), roundTrip(type, Arrays.asList(map, null, Map.of())));
    }

    @Test
    void nullStructDiffersFromStructOfNulls() {
        RelDataType inner = nullable(types.createArrayType(sql(SqlTypeName.VARCHAR), -1));
        RelDataType type = nullable(types.builder().add("tags", inner).add("x", sql(SqlTypeName.DOUBLE)).build());
        assertEquals(Arrays.asList(null, Arrays.asList(null, null), List.of(List.of("t"), Double.NaN)),
                roundTrip(type, Arrays.asList(null, new Object[] {null, null}, new Object[] {List.of("t"), Double.NaN})));
    }

    @Test
    void binaryAndFixedBinaryCarryBytes() {
        ByteString bytes = new ByteString(new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80});
        assertEquals(Arrays.asList(bytes, null, new ByteString(new byte[0])),
                roundTrip(sql(SqlTypeName.VARBINARY), Arrays.asList(bytes, null, new ByteString(new byte[0]))));
        assertEquals(Arrays.asList(bytes, null),
                roundTrip(nullable(types.createSqlType(SqlTypeName.BINARY, 4)), Arrays.asList(bytes, null)));
    }

    @Test
    void fixedBinaryOfTheWrongLengthIsRefused() {
        Field field = ArrowTypes.toArrowField("c", nullable(types.createSqlType(SqlTypeName.BINARY, 4)));
        try (RootAllocator allocator = new RootAllocator(); FieldVector vector = field.createVector(allocator)) {
            vector.allocateNew();
            MeshgateException e = assertThrows(MeshgateException.class,
                    () -> ColumnWriters.forVector(vector).write(0, new ByteString(new byte[] {1, 2})));
            assertEquals(ErrorCode.INVALID_DATA, e.code());
        }
    }

    @Test
    void timesAndTimestampsAreMillisecondsInsideAndMicrosecondsInArrow() {
        assertEquals(Arrays.asList(45_296_789, null), roundTrip(nullable(types.createSqlType(SqlTypeName.TIME, 3)), Arrays.asList(45_296_789, null)));
        assertEquals(Arrays.asList(-62_135_596_800_000L, 253_402_300_799_999L),
                roundTrip(nullable(types.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3)),
                        Arrays.asList(-62_135_596_800_000L, 253_402_300_799_999L)));
    }
}
