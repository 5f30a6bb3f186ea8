package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Iceberg primitive type arrives as its Arrow type with the same values on both read paths. */
class IcebergColumnTypesTest {
    static final org.apache.iceberg.Schema SCHEMA = new org.apache.iceberg.Schema(
            Types.NestedField.required(1, "k", Types.IntegerType.get()),
            Types.NestedField.optional(2, "b", Types.BooleanType.get()),
            Types.NestedField.optional(3, "l", Types.LongType.get()),
            Types.NestedField.optional(4, "f", Types.FloatType.get()),
            Types.NestedField.optional(5, "d", Types.DoubleType.get()),
            Types.NestedField.optional(6, "small_decimal", Types.DecimalType.of(7, 2)),
            Types.NestedField.optional(7, "decimal", Types.DecimalType.of(12, 2)),
            Types.NestedField.optional(8, "wide_decimal", Types.DecimalType.of(30, 5)),
            Types.NestedField.optional(9, "dt", Types.DateType.get()),
            Types.NestedField.optional(10, "t", Types.TimeType.get()),
            Types.NestedField.optional(11, "ts", Types.TimestampType.withoutZone()),
            Types.NestedField.optional(12, "tstz", Types.TimestampType.withZone()),
            Types.NestedField.optional(13, "s", Types.StringType.get()),
            Types.NestedField.optional(14, "u", Types.UUIDType.get()),
            Types.NestedField.optional(15, "bin", Types.BinaryType.get()),
            Types.NestedField.optional(16, "fx", Types.FixedType.ofLength(4)),
            Types.NestedField.optional(17, "tags", Types.ListType.ofOptional(18, Types.StringType.get())));
    static final List<String> VECTORIZED_COLUMNS =
            List.of("k", "b", "l", "f", "d", "small_decimal", "decimal", "dt", "t", "ts", "tstz", "s", "u", "bin");
    static final int ROWS = 60;
    static final SchemaTableName NAME = new SchemaTableName("types", "all_types");

    @TempDir
    static Path directory;
    static IcebergConnector connector;

    @BeforeAll
    static void createTable() {
        connector = IcebergConnector.open(IcebergConnectorSqliteTest.sqlite(directory, "types"));
        Table table = IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("types"), "all_types"),
                SCHEMA, PartitionSpec.unpartitioned(), Map.of());
        List<Record> records = new ArrayList<>();
        for (int k = 0; k < ROWS; k++) {
            records.add(record(k));
        }
        IcebergTestTables.append(table, records);
    }

    @AfterAll
    static void closeCatalog() {
        connector.close();
    }

    /** Row {@code k}: every column NULL when k is a multiple of 7, otherwise values that repeat (to be dictionary encoded). */
    static Record record(int k) {
        GenericRecord record = GenericRecord.create(SCHEMA);
        record.setField("k", k);
        if (k % 7 == 0) {
            return record;
        }
        int r = k % 5;
        record.setField("b", r % 2 == 0);
        record.setField("l", 10_000_000_000L + r);
        record.setField("f", 1.5f * r);
        record.setField("d", 2.25 * r);
        record.setField("small_decimal", BigDecimal.valueOf(12345 + r, 2));
        record.setField("decimal", BigDecimal.valueOf(123456789012L + r, 2));
        record.setField("wide_decimal", new BigDecimal("1234567890123456789012.3456" + r));
        record.setField("dt", LocalDate.of(2024, 2, 28).plusDays(r));
        record.setField("t", LocalTime.of(13, 45, 30, 123_456_000).plusSeconds(r));
        record.setField("ts", LocalDateTime.of(2024, 2, 28, 23, 59, 59, 999_999_000).plusHours(r));
        record.setField("tstz", OffsetDateTime.of(2024, 2, 28, 23, 0, 0, 0, ZoneOffset.ofHours(2)).plusMinutes(r));
        record.setField("s", "text " + r + " é");
        record.setField("u", new UUID(r, 42));
        record.setField("bin", ByteBuffer.wrap(new byte[] {1, 2, (byte) r}));
        record.setField("fx", new byte[] {9, 8, 7, (byte) r});
        record.setField("tags", List.of("a", "b" + r));
        return record;
    }

    TableMetadata metadata() {
        return connector.table(NAME).orElseThrow();
    }

    @Test
    void describesEveryTypeAsItsArrowType() {
        List<ArrowType> types = metadata().schema().getFields().stream().map(Field::getType).toList();
        assertEquals(List.of(
                new ArrowType.Int(32, true), ArrowType.Bool.INSTANCE, new ArrowType.Int(64, true),
                new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
                new ArrowType.Decimal(7, 2, 128), new ArrowType.Decimal(12, 2, 128), new ArrowType.Decimal(30, 5, 128),
                new ArrowType.Date(DateUnit.DAY), new ArrowType.Time(TimeUnit.MICROSECOND, 64),
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
                ArrowType.Utf8.INSTANCE, ArrowType.Utf8.INSTANCE, ArrowType.Binary.INSTANCE,
                new ArrowType.FixedSizeBinary(4), ArrowType.List.INSTANCE), types);
    }

    @Test
    void vectorizedScanReturnsTheDescribedTypesAndValues() {
        assertTrue(connector.readsVectorized(metadata(), ScanSpec.allOf(VECTORIZED_COLUMNS)));
        assertScanMatchesRecords(VECTORIZED_COLUMNS);
    }

    @Test
    void genericScanReturnsTheDescribedTypesAndValues() {
        List<String> columns = new ArrayList<>(VECTORIZED_COLUMNS);
        columns.add("wide_decimal");
        columns.add("fx");
        columns.add("tags");
        assertFalse(connector.readsVectorized(metadata(), ScanSpec.allOf(columns)));
        assertFalse(connector.readsVectorized(metadata(), ScanSpec.allOf(List.of("k", "wide_decimal"))));
        assertScanMatchesRecords(columns);
    }

    @Test
    void rowCountOnlyScanCarriesNoColumns() {
        try (RootAllocator allocator = new RootAllocator()) {
            var stream = connector.scan(metadata(), ScanSpec.allOf(List.of()), allocator);
            long rows = 0;
            try (stream) {
                while (stream.next()) {
                    assertEquals(0, stream.current().getFieldVectors().size());
                    rows += stream.current().getRowCount();
                }
            }
            assertEquals(ROWS, rows);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void unknownColumnIsRejected() {
        try (RootAllocator allocator = new RootAllocator()) {
            MeshgateException e = assertThrows(MeshgateException.class,
                    () -> connector.scan(metadata(), ScanSpec.allOf(List.of("nope")), allocator));
            assertEquals(ErrorCode.COLUMN_NOT_FOUND, e.code());
        }
    }

    private void assertScanMatchesRecords(List<String> columns) {
        TableMetadata metadata = metadata();
        try (RootAllocator allocator = new RootAllocator()) {
            Schema expectedSchema = new Schema(columns.stream().map(c -> field(metadata, c)).toList());
            assertEquals(expectedSchema, ScanRows.firstSchema(connector.scan(metadata, ScanSpec.allOf(columns), allocator)));
            List<List<Object>> rows = ScanRows.drain(connector.scan(metadata, ScanSpec.allOf(columns), allocator));
            assertEquals(ROWS, rows.size());
            for (List<Object> row : rows) {
                int k = (Integer) row.get(0);
                Record expected = record(k);
                for (int c = 1; c < columns.size(); c++) {
                    assertValue(columns.get(c), expected.getField(columns.get(c)), row.get(c));
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static Field field(TableMetadata metadata, String name) {
        return metadata.schema().getFields().stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }

    private static void assertValue(String column, Object expected, Object actual) {
        if (expected == null) {
            assertNull(actual, column);
            return;
        }
        switch (column) {
            case "dt" -> assertEquals((int) ((LocalDate) expected).toEpochDay(), actual, column);
            case "t" -> assertEquals(((LocalTime) expected).toNanoOfDay() / 1000, actual, column);
            case "tstz" -> assertEquals(((OffsetDateTime) expected).toInstant().toEpochMilli() * 1000, actual, column);
            case "u" -> assertEquals(expected.toString(), actual, column);
            case "bin" -> assertArrayEquals(((ByteBuffer) expected).array(), (byte[]) actual, column);
            case "fx" -> assertArrayEquals((byte[]) expected, (byte[]) actual, column);
            default -> assertEquals(expected, actual, column);
        }
    }
}
