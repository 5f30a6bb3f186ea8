package io.meshgate.connector.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Test fixture, public for every test suite that checks types end to end (the Java ones here and a
 * pyarrow one): an Iceberg table {@code all_types} with a column of every Iceberg type, lists, maps
 * and structs nested in each other, and five rows: typical values (row 1), maxima and positive
 * infinities (row 2), minima, NaN and empty or NULL collections (row 3), NULL in every column
 * (row 4) and values around the epoch with subnormal and largest finite floats (row 5). Timestamps
 * with zone are written with offsets other than UTC; NULLs appear as list elements, map values,
 * struct fields and whole structs.
 *
 * <p>{@link #rows()} are the records exactly as written, with Iceberg's generic Java values
 * (LocalDate, LocalTime, LocalDateTime, OffsetDateTime, UUID, byte[] for fixed, ByteBuffer for
 * binary, List, Map, Record for structs): expected values are to be derived from them.
 */
public final class AllTypesTable {
    public static final String TABLE = "all_types";
    /** The largest and smallest values of {@code dec38}: 38 nines. */
    public static final BigDecimal DEC38_MAX = new BigDecimal("99999999999999999999999999999999999999");
    public static final BigDecimal DEC38_MIN = DEC38_MAX.negate();

    public static final Types.StructType POINT = Types.StructType.of(
            Types.NestedField.optional(23, "x", Types.DoubleType.get()),
            Types.NestedField.optional(24, "label", Types.StringType.get()));
    public static final Types.StructType EVENT = Types.StructType.of(
            Types.NestedField.optional(26, "name", Types.StringType.get()),
            Types.NestedField.optional(27, "qty", Types.IntegerType.get()));
    public static final Types.StructType INFO = Types.StructType.of(
            Types.NestedField.optional(29, "codes", Types.ListType.ofOptional(30, Types.LongType.get())),
            Types.NestedField.optional(31, "props", Types.MapType.ofOptional(32, 33, Types.StringType.get(), Types.StringType.get())));

    public static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.IntegerType.get()),
            Types.NestedField.optional(2, "b", Types.BooleanType.get()),
            Types.NestedField.optional(3, "i", Types.IntegerType.get()),
            Types.NestedField.optional(4, "l", Types.LongType.get()),
            Types.NestedField.optional(5, "f", Types.FloatType.get()),
            Types.NestedField.optional(6, "d", Types.DoubleType.get()),
            Types.NestedField.optional(7, "dec38", Types.DecimalType.of(38, 0)),
            Types.NestedField.optional(8, "dec9", Types.DecimalType.of(9, 2)),
            Types.NestedField.optional(9, "dt", Types.DateType.get()),
            Types.NestedField.optional(10, "t", Types.TimeType.get()),
            Types.NestedField.optional(11, "ts", Types.TimestampType.withoutZone()),
            Types.NestedField.optional(12, "tstz", Types.TimestampType.withZone()),
            Types.NestedField.optional(13, "s", Types.StringType.get()),
            Types.NestedField.optional(14, "u", Types.UUIDType.get()),
            Types.NestedField.optional(15, "fx", Types.FixedType.ofLength(4)),
            Types.NestedField.optional(16, "bin", Types.BinaryType.get()),
            Types.NestedField.optional(17, "tags", Types.ListType.ofOptional(20, Types.StringType.get())),
            Types.NestedField.optional(18, "scores", Types.MapType.ofOptional(21, 22, Types.StringType.get(), Types.IntegerType.get())),
            Types.NestedField.optional(19, "point", POINT),
            Types.NestedField.optional(25, "events", Types.ListType.ofOptional(34, EVENT)),
            Types.NestedField.optional(28, "info", INFO));

    private AllTypesTable() {
    }

    /** Creates {@code namespace.all_types} in {@code catalog} (and the namespace if needed), with {@link #rows()} in one Parquet file. */
    public static Table create(Catalog catalog, Namespace namespace) {
        Table table = IcebergTestTables.create(catalog, TableIdentifier.of(namespace, TABLE), SCHEMA, PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
        IcebergTestTables.append(table, rows());
        return table;
    }

    /** The rows as written, ordered by {@code id} (1 to 5). */
    public static List<Record> rows() {
        List<Record> rows = new ArrayList<>();
        rows.add(row(1, true, 42, 1234567890123L, 1.5f, -0.1, new BigDecimal("12345678901234567890123456789012345678"),
                new BigDecimal("1234.56"), LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 30, 123_456_000),
                LocalDateTime.of(2024, 2, 29, 23, 59, 58, 654_321_000),
                OffsetDateTime.of(2024, 3, 10, 1, 30, 0, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)),
                "Grüße, 世界 🌍", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new byte[] {1, 2, 3, 4},
                ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}),
                Arrays.asList("a", null, "c"), map("x", 1, "y", null), point(1.5, "p"),
                Arrays.asList(event("e1", 1), event("e2", null)), info(Arrays.asList(1L, 2L), map("k", "v"))));
        rows.add(row(2, false, Integer.MAX_VALUE, Long.MAX_VALUE, Float.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, DEC38_MAX,
                new BigDecimal("9999999.99"), LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_000),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                "", UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), new byte[] {-1, -1, -1, -1}, ByteBuffer.wrap(new byte[0]),
                List.of(), Map.of(), point(null, null), Arrays.asList((Record) null), info(null, Map.of())));
        rows.add(row(3, true, Integer.MIN_VALUE, Long.MIN_VALUE, Float.NEGATIVE_INFINITY, Double.NaN, DEC38_MIN,
                new BigDecimal("-9999999.99"), LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1, 1, 1, 0, 0),
                OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8)),
                "Ωμέγα — 'quoted' \"x\" \\ \t", UUID.fromString("00000000-0000-0000-0000-000000000000"), new byte[] {0, 0, 0, 0},
                ByteBuffer.wrap(new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80}),
                null, null, null, List.of(), null));
        rows.add(row(4, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        rows.add(row(5, false, 0, -1L, Float.MAX_VALUE, Double.MIN_VALUE, BigDecimal.ZERO, new BigDecimal("0.01"),
                LocalDate.of(1969, 12, 31), LocalTime.of(0, 0, 0, 1_000), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
                OffsetDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-7)),
                "NULL", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new byte[] {0x7f, 0, 0, 1},
                ByteBuffer.wrap(new byte[] {42}), Arrays.asList((String) null), map("only", 0),
                point(Double.NaN, "ü"), Arrays.asList(event(null, null)), info(Arrays.asList((Long) null), map("n", null))));
        return rows;
    }

    private static Record row(int id, Boolean b, Integer i, Long l, Float f, Double d, BigDecimal dec38, BigDecimal dec9,
            LocalDate dt, LocalTime t, LocalDateTime ts, OffsetDateTime tstz, String s, UUID u, byte[] fx, ByteBuffer bin,
            List<String> tags, Map<String, Integer> scores, Record point, List<Record> events, Record info) {
        GenericRecord record = GenericRecord.create(SCHEMA);
        record.setField("id", id);
        record.setField("b", b);
        record.setField("i", i);
        record.setField("l", l);
        record.setField("f", f);
        record.setField("d", d);
        record.setField("dec38", dec38);
        record.setField("dec9", dec9);
        record.setField("dt", dt);
        record.setField("t", t);
        record.setField("ts", ts);
        record.setField("tstz", tstz);
        record.setField("s", s);
        record.setField("u", u);
        record.setField("fx", fx);
        record.setField("bin", bin);
        record.setField("tags", tags);
        record.setField("scores", scores);
        record.setField("point", point);
        record.setField("events", events);
        record.setField("info", info);
        return record;
    }

    private static Record point(Double x, String label) {
        GenericRecord point = GenericRecord.create(POINT);
        point.setField("x", x);
        point.setField("label", label);
        return point;
    }

    private static Record event(String name, Integer qty) {
        GenericRecord event = GenericRecord.create(EVENT);
        event.setField("name", name);
        event.setField("qty", qty);
        return event;
    }

    private static Record info(List<Long> codes, Map<String, String> props) {
        GenericRecord info = GenericRecord.create(INFO);
        info.setField("codes", codes);
        info.setField("props", props);
        return info;
    }

    /** A map in the given order, which may hold NULL values (Map.of does not). */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
