package io.meshgate.engine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductFilesTest {
    static final String SUPPLY = """
            products:
              - name: supply.inventory.partsupp
                owner: supply-team
                contact: supply@example.com
                description: Which supplier offers which part.
                sla: {freshness: 24h}
                version: 2.1
                status: deprecated
                sunset: 2027-06-30
                access: Ask for the supply-readers group.
                contract:
                  compatibility: backward
                  columns: [{name: ps_partkey, type: bigint}]
              - name: supply.inventory.part
                sla: {freshness: PT6H}
            """;

    @TempDir
    Path folder;

    @Test
    void readsEveryFieldOfEveryProductAndKeepsTheContractAsWritten() throws IOException {
        Files.writeString(folder.resolve("supply.yaml"), SUPPLY);
        ProductFiles files = ProductFiles.load(folder);
        assertEquals(2, files.entries().size());
        ProductEntry partsupp = files.entry("supply.inventory.partsupp").orElseThrow();
        assertEquals(new ProductFields(Optional.of("supply-team"), Optional.of("supply@example.com"), Optional.of("Which supplier offers which part."),
                Optional.of(Duration.ofHours(24)), Optional.of("2.1"), Optional.of(ProductStatus.DEPRECATED), Optional.of(LocalDate.of(2027, 6, 30)),
                Optional.of("Ask for the supply-readers group.")), partsupp.fields());
        assertEquals("supply.yaml:2", partsupp.origin());
        YamlNode.Mapping contract = (YamlNode.Mapping) partsupp.contract().orElseThrow();
        assertEquals(List.of("compatibility", "columns"), List.copyOf(contract.entries().keySet()));
        assertEquals(11, contract.line(), "the line of its key");
        assertEquals(ProductFields.NONE.withFreshnessSla(Duration.ofHours(6)), files.entry("supply.inventory.part").orElseThrow().fields());
        assertEquals(Optional.empty(), files.entry("supply.inventory.part").orElseThrow().contract());
    }

    @Test
    void anEmptyFolderDescribesNothing() {
        assertEquals(0, ProductFiles.load(folder).entries().size());
    }

    @Test
    void reportsEveryProblemOfEveryFileWithFileAndLine() throws IOException {
        Files.writeString(folder.resolve("a.yaml"), """
                products:
                  - name: supply.inventory
                    owner: [a, b]
                  - owner: nobody
                  - name: supply.inventory.part
                    sla: {freshness: soon, within: 2h}
                    status: sunsetting
                    sunset: next year
                    colour: blue
                    contract:
                """);
        Files.writeString(folder.resolve("b.yml"), """
                products:
                  - name: supply.inventory.part
                extra: true
                """);
        Files.writeString(folder.resolve("c.yaml"), "products: [ {name: x.y.z\n");
        ProductLoadException e = assertThrows(ProductLoadException.class, () -> ProductFiles.load(folder));
        List<String> problems = e.problems().stream().map(ProductProblem::toString).toList();
        assertEquals(List.of(
                "a.yaml:2: products[0].name: 'supply.inventory' is not a table's full name (write domain.schema.table)",
                "a.yaml:3: products[0].owner: must be a plain value, not a list",
                "a.yaml:4: products[1]: name is required (the product's table, domain.schema.table)",
                "a.yaml:6: products[2].sla.within: unknown key (known: freshness)",
                "a.yaml:6: products[2].sla.freshness: Cannot read the duration 'soon': write an ISO-8601 duration such as PT6H or P1D,"
                        + " or a number and a unit such as 30m, 6h or 2d",
                "a.yaml:7: products[2].status: Cannot read the status 'sunsetting': write one of draft, active, deprecated, retired",
                "a.yaml:8: products[2].sunset: Cannot read the date 'next year': write it as YYYY-MM-DD, such as 2027-06-30",
                "a.yaml:9: products[2].colour: unknown key (known: name, owner, contact, description, sla, version, status, sunset,"
                        + " access, contract)",
                "a.yaml:10: products[2].contract: must have a value (or leave the key out)",
                "b.yml:2: products[0]: product supply.inventory.part is already described at a.yaml:5 (describe each product once)",
                "b.yml:3: extra: unknown key (a product file has one key, products)"),
                problems.stream().filter(p -> !p.startsWith("c.yaml")).toList());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("c.yaml:") && p.contains("not valid YAML")), problems.toString());
        assertTrue(e.getMessage().startsWith("Cannot load the product files: 12 problem(s):"), e.getMessage());
    }

    @Test
    void aMissingFolderIsAProblem() {
        ProductLoadException e = assertThrows(ProductLoadException.class, () -> ProductFiles.load(folder.resolve("missing")));
        assertTrue(e.problems().get(0).message().startsWith("not a folder"), e.getMessage());
    }

    @Test
    void fingerprintChangesWithTheFiles() throws IOException {
        Files.writeString(folder.resolve("supply.yaml"), SUPPLY);
        String before = ProductFiles.load(folder).fingerprint();
        assertEquals(before, ProductFiles.load(folder).fingerprint());
        Files.writeString(folder.resolve("supply.yaml"), SUPPLY.replace("24h", "12h"));
        assertNotEquals(before, ProductFiles.load(folder).fingerprint());
    }
}
