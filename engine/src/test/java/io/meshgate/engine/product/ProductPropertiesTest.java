package io.meshgate.engine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductPropertiesTest {
    @Test
    void readsEveryProductProperty() {
        Map<String, String> properties = Map.of(
                "meshgate.owner", "supply-team",
                "meshgate.contact", "supply@example.com",
                "meshgate.description", "Parts by supplier",
                "meshgate.sla.freshness", "6h",
                "meshgate.version", "2.1",
                "meshgate.status", "Deprecated",
                "meshgate.sunset", "2027-06-30",
                "meshgate.access", "Ask for supply-readers",
                "write.parquet.compression-codec", "zstd");
        ProductFields fields = ProductProperties.read(properties, (key, problem) -> {
            throw new AssertionError(key + ": " + problem);
        });
        assertEquals(new ProductFields(Optional.of("supply-team"), Optional.of("supply@example.com"), Optional.of("Parts by supplier"),
                Optional.of(Duration.ofHours(6)), Optional.of("2.1"), Optional.of(ProductStatus.DEPRECATED),
                Optional.of(LocalDate.of(2027, 6, 30)), Optional.of("Ask for supply-readers")), fields);
    }

    @Test
    void leavesOutUnreadableAndBlankValuesReportingTheUnreadable() {
        Map<String, String> problems = new LinkedHashMap<>();
        ProductFields fields = ProductProperties.read(Map.of(
                "meshgate.owner", "  ",
                "meshgate.sla.freshness", "soon",
                "meshgate.status", "sunsetting",
                "meshgate.sunset", "30/06/2027",
                "meshgate.version", "3"), problems::put);
        assertEquals(ProductFields.NONE.withVersion("3"), fields);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get("meshgate.sla.freshness").contains("write an ISO-8601 duration such as PT6H"));
        assertTrue(problems.get("meshgate.status").contains("write one of draft, active, deprecated, retired"));
        assertTrue(problems.get("meshgate.sunset").contains("write it as YYYY-MM-DD"));
    }
}
