package io.meshgate.engine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductsTest {
    private static final Map<String, String> PROPERTIES = Map.of(
            "meshgate.owner", "supply-team",
            "meshgate.description", "From the table",
            "meshgate.sla.freshness", "12h",
            "meshgate.version", "1.0");

    @TempDir
    Path folder;

    @Test
    void productFileOverridesTablePropertiesFieldByField() throws IOException {
        Files.writeString(folder.resolve("supply.yaml"), """
                products:
                  - name: supply.inventory.partsupp
                    description: From the file
                    version: "2.0"
                    status: deprecated
                """);
        ProductFiles files = ProductFiles.load(folder);
        Products products = new Products(() -> files, Clock.systemUTC());
        Product product = products.of("supply", "inventory", "partsupp", PROPERTIES);
        assertEquals("supply.inventory.partsupp", product.name());
        assertEquals(Optional.of("supply-team"), product.owner(), "a field the file does not set comes from the properties");
        assertEquals(Optional.of("From the file"), product.description());
        assertEquals(Optional.of(Duration.ofHours(12)), product.freshnessSla());
        assertEquals(Optional.of("2.0"), product.version());
        assertEquals(ProductStatus.DEPRECATED, product.status());
        assertEquals(Optional.of("From the table"), products.of("supply", "inventory", "part", PROPERTIES).description(),
                "a table the files do not name keeps its properties");
    }

    @Test
    void withoutFilesProductsAreTheirProperties() {
        Product product = Products.fromProperties().of("supply", "inventory", "part", PROPERTIES);
        assertEquals(new Product("supply.inventory.part", ProductProperties.read(PROPERTIES, (k, p) -> { })), product);
        assertEquals(ProductStatus.ACTIVE, Products.fromProperties().of("a", "b", "c", Map.of()).status());
    }

    @Test
    void todayIsTheClocksDateInUtc() {
        Products products = new Products(ProductFiles::none, Clock.fixed(Instant.parse("2027-06-30T23:30:00Z"), ZoneOffset.ofHours(5)));
        assertEquals(LocalDate.of(2027, 6, 30), products.today());
    }
}
