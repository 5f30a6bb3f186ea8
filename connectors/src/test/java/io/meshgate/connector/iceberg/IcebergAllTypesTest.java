package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link AllTypesTable} scans back as written: every type, nested collections, extremes and NULLs. */
class IcebergAllTypesTest {
    static final SchemaTableName NAME = new SchemaTableName("types", AllTypesTable.TABLE);

    @TempDir
    static Path directory;
    static IcebergConnector connector;

    @BeforeAll
    static void createTable() {
        connector = IcebergConnector.open(IcebergConnectorSqliteTest.sqlite(directory, "types"));
        AllTypesTable.create(connector.catalog(), Namespace.of("types"));
    }

    @AfterAll
    static void closeCatalog() {
        connector.close();
    }

    @Test
    void collectionsAreDescribedAsArrowListsAndMapsWithFieldIds() {
        TableMetadata metadata = connector.table(NAME).orElseThrow();
        Field tags = metadata.schema().findField("tags");
        assertEquals(ArrowType.List.INSTANCE, tags.getType());
        assertEquals(ArrowType.Utf8.INSTANCE, tags.getChildren().get(0).getType());
        Field scores = metadata.schema().findField("scores");
        assertEquals(new ArrowType.Map(false), scores.getType());
        Field entries = scores.getChildren().get(0);
        assertFalse(entries.isNullable());
        assertEquals(List.of("key", "value"), entries.getChildren().stream().map(Field::getName).toList());
        assertFalse(entries.getChildren().get(0).isNullable());
        assertEquals(ArrowType.Utf8.INSTANCE, metadata.schema().findField("u").getType());
        assertEquals("18", scores.getMetadata().get(TableMetadata.FIELD_ID));
    }

    @Test
    void everyColumnScansBackAsWritten() {
        TableMetadata metadata = connector.table(NAME).orElseThrow();
        List<String> columns = AllTypesTable.SCHEMA.columns().stream().map(Types.NestedField::name).toList();
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = ScanRows.drain(connector.scan(metadata, ScanSpec.allOf(columns), allocator));
            List<Record> written = AllTypesTable.rows();
            assertEquals(written.size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    assertEquals(expected(written.get(r).getField(columns.get(c))), normalized(rows.get(r).get(c)),
                            "row " + (r + 1) + " column " + columns.get(c));
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void collectionColumnsScanWithAFilterOnAnotherColumn() {
        TableMetadata metadata = connector.table(NAME).orElseThrow();
        ScanSpec spec = new ScanSpec(List.of("id", "tags", "scores"),
                Optional.of(new ScanPredicate.Comparison("id", ScanPredicate.Operator.EQUAL, 1)), OptionalLong.empty());
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = ScanRows.drain(connector.scan(metadata, spec, allocator));
            Record first = AllTypesTable.rows().get(0);
            assertEquals(List.of(List.of(1, expected(first.getField("tags")), expected(first.getField("scores")))), rows);
        }
    }

    /** A written Iceberg value as the scan returns it through {@link ScanRows}, byte arrays as hex. */
    private static Object expected(Object value) {
        if (value instanceof Record record) {
            List<Object> fields = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                fields.add(expected(record.get(i)));
            }
            return fields;
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>();
            list.forEach(e -> elements.add(expected(e)));
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(expected(k), expected(v)));
            return entries;
        }
        if (value instanceof LocalDate date) {
            return (int) date.toEpochDay();
        }
        if (value instanceof LocalTime time) {
            return time.toNanoOfDay() / 1000;
        }
        if (value instanceof OffsetDateTime instant) {
            return Math.addExact(Math.multiplyExact(instant.toEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        return normalized(value);
    }

    private static Object normalized(Object value) {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>();
            list.forEach(e -> elements.add(normalized(e)));
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(normalized(k), normalized(v)));
            return entries;
        }
        return value;
    }
}
