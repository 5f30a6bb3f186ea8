package io.meshgate.engine.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The registry of system tables, and how they write types and tags. */
class SystemTablesRegistryTest {
    private record Named(String name) implements SystemTable {
        @Override
        public Schema schema() {
            return new MetaColumns().key("x").schema();
        }

        @Override
        public Stream<Object[]> rows(MetaContext context) {
            return Stream.empty();
        }
    }

    @Test
    void theStandardTablesAreProductsColumnsFreshnessLinksAndLineageAndMoreCanBeAdded() {
        assertEquals(List.of("columns", "freshness", "lineage", "links", "products"), SystemTables.standard().tables().stream().map(SystemTable::name).toList());
        SystemTables more = SystemTables.standard().with(new Named("usage"));
        assertEquals(List.of("columns", "freshness", "lineage", "links", "products", "usage"), more.tables().stream().map(SystemTable::name).toList());
        assertEquals("mesh.meta.links", SystemTables.qualifiedName(more.table("links").orElseThrow()));
        assertTrue(SystemTables.standard().table("usage").isEmpty(), "with() makes a new registry");
    }

    @Test
    void namesAreUniqueLowerCaseIdentifiers() {
        assertEquals("Cannot add system table 'products': there is one of that name already",
                assertThrows(IllegalArgumentException.class, () -> SystemTables.standard().with(new Named("products"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SystemTables(List.of(new Named("Links"))));
        assertThrows(IllegalArgumentException.class, () -> new SystemTables(List.of(new Named("my-links"))));
    }

    @Test
    void typeNamesSpellNestedTypes() {
        Field city = new Field("city", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        Field zip = new Field("zip", FieldType.nullable(new ArrowType.Int(32, true)), null);
        assertEquals("ROW(city VARCHAR, zip INTEGER)", TypeNames.of(new Field("address", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(city, zip))));
        assertEquals("ARRAY<VARCHAR>", TypeNames.of(new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(city))));
        assertEquals("TIMESTAMP WITH TIME ZONE", TypeNames.of(new Field("at", FieldType.nullable(
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")), null)));
    }

    @Test
    void tagsReadKeyEqualsValueSortedAndNullWhenThereAreNone() {
        assertEquals("pii=email, sensitivity=confidential, sensitivity=internal",
                TagText.of(Map.of("sensitivity", Set.of("internal", "confidential"), "pii", Set.of("email"))));
        assertNull(TagText.of(Map.of()));
    }
}
