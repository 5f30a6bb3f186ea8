package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Struct columns, structs of structs included, scan into Arrow struct vectors with their values and nulls. */
class IcebergStructColumnsTest {
    /** More rows than one batch, so struct vectors are refilled and grow. */
    static final int ROWS = IcebergScans.BATCH_SIZE + 500;
    static final SchemaTableName NAME = new SchemaTableName("crm", "customers");

    @TempDir
    static Path directory;
    static IcebergConnector connector;

    @BeforeAll
    static void createTables() {
        connector = IcebergConnector.open(IcebergConnectorSqliteTest.sqlite(directory, "crm"));
        SampleCustomers.create(connector.catalog(), TableIdentifier.of(Namespace.of("crm"), "customers"), ROWS);
        org.apache.iceberg.Schema listInStruct = new org.apache.iceberg.Schema(
                Types.NestedField.required(1, "id", Types.LongType.get()),
                Types.NestedField.optional(2, "contact", Types.StructType.of(
                        Types.NestedField.optional(3, "emails", Types.ListType.ofOptional(4, Types.StringType.get())))));
        Table contacts = IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("crm"), "contacts"), listInStruct,
                PartitionSpec.unpartitioned(), Map.of());
        GenericRecord contact = GenericRecord.create(listInStruct.findField("contact").type().asStructType());
        contact.setField("emails", Arrays.asList("a@example.com", null));
        GenericRecord withEmails = GenericRecord.create(listInStruct);
        withEmails.setField("id", 1L);
        withEmails.setField("contact", contact);
        GenericRecord withoutContact = GenericRecord.create(listInStruct);
        withoutContact.setField("id", 2L);
        IcebergTestTables.append(contacts, List.of(withEmails, withoutContact));
    }

    @AfterAll
    static void closeCatalog() {
        connector.close();
    }

    TableMetadata metadata() {
        return connector.table(NAME).orElseThrow();
    }

    @Test
    void describesStructsAsArrowStructsWithFieldIds() {
        Field address = metadata().schema().findField("address");
        assertEquals(ArrowType.Struct.INSTANCE, address.getType());
        assertEquals(List.of("city", "zip", "geo"), address.getChildren().stream().map(Field::getName).toList());
        Field geo = address.getChildren().get(2);
        assertEquals(ArrowType.Struct.INSTANCE, geo.getType());
        assertEquals(List.of(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                geo.getChildren().stream().map(Field::getType).toList());
        org.apache.iceberg.Schema iceberg = connector.catalog().loadTable(TableIdentifier.of(Namespace.of("crm"), "customers")).schema();
        assertEquals(Integer.toString(iceberg.findField("address.geo").fieldId()), geo.getMetadata().get(TableMetadata.FIELD_ID));
        assertEquals(Integer.toString(iceberg.findField("address.geo.lon").fieldId()), geo.getChildren().get(1).getMetadata().get(TableMetadata.FIELD_ID));
        assertFalse(geo.getChildren().get(0).isNullable(), "lat is required within geo");
    }

    @Test
    void scansStructValuesAndNullsAtEveryLevel() {
        ScanSpec spec = ScanSpec.allOf(List.of("id", "address"));
        assertFalse(connector.readsVectorized(metadata(), spec), "Iceberg's vectorized reader does not read structs");
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(metadata().schema().findField("address"), ScanRows.firstSchema(connector.scan(metadata(), spec, allocator)).findField("address"));
            List<List<Object>> rows = ScanRows.drain(connector.scan(metadata(), spec, allocator));
            assertEquals(ROWS, rows.size());
            for (List<Object> row : rows) {
                long id = (Long) row.get(0);
                assertEquals(SampleCustomers.address(id), row.get(1), "customer " + id);
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void spotChecksOfTheNullLevels() {
        try (RootAllocator allocator = new RootAllocator()) {
            ScanSpec spec = ScanSpec.allOf(List.of("address", "id"))
                    .withFilter(new ScanPredicate.In("id", List.of(1L, 3L, 5L, 7L)));
            List<List<Object>> rows = ScanRows.drain(connector.scan(metadata(), spec, allocator)).stream()
                    .filter(r -> List.of(1L, 3L, 5L, 7L).contains(r.get(1))).toList();
            assertEquals(List.of(
                    List.of(List.of("city 1", "z1", List.of(0.1, -0.1)), 1L),
                    List.of(Arrays.asList("city 3", "z3", null), 3L),
                    Arrays.asList(null, 5L),
                    List.of(Arrays.asList("city 7", null, List.of(0.7, -0.7)), 7L)), rows);
        }
    }

    @Test
    void filterOnAnotherColumnStillPrunesAStructScan() {
        ScanSpec spec = ScanSpec.allOf(List.of("id", "address")).withFilter(new ScanPredicate.Comparison("id", ScanPredicate.Operator.GREATER_THAN, (long) ROWS));
        assertEquals(0, connector.plannedFileCount(metadata(), spec));
    }

    @Test
    void listInsideAStructIsScannedWithItsNullElement() {
        TableMetadata contacts = connector.table(new SchemaTableName("crm", "contacts")).orElseThrow();
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = ScanRows.drain(connector.scan(contacts, ScanSpec.allOf(List.of("id", "contact")), allocator));
            assertEquals(List.of(
                    List.of(1L, List.of(Arrays.asList("a@example.com", null))),
                    Arrays.asList(2L, null)), rows);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
