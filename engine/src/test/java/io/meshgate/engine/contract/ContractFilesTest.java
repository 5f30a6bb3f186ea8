package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts are found in the product files of a folder; every problem there is reported with its file and line. */
class ContractFilesTest {
    @TempDir
    Path directory;

    private List<String> problems;

    private List<ContractFiles.Declared> read() {
        problems = new ArrayList<>();
        return ContractFiles.read(directory, p -> problems.add(p.toString()));
    }

    private String name(String file) {
        return directory.getFileName() + "/" + file;
    }

    @Test
    void contractsAreReadFromEveryProductFileInNameOrder() throws IOException {
        Files.writeString(directory.resolve("customer.yml"), """
                products:
                  - product: customer.crm.customer
                    owner: crm-team
                    contract:
                      quality:
                        - not_null: [c_custkey]
                """);
        Files.writeString(directory.resolve("commerce.yaml"), """
                products:
                  - product: commerce.sales.orders
                    description: One row per order.
                    contract:
                      quality:
                        - row_count: {min: 1}
                  - product: commerce.sales.lineitem
                    description: No contract yet.
                """);
        Files.writeString(directory.resolve("notes.txt"), "not a product file");
        List<ContractFiles.Declared> declared = read();
        assertEquals(List.of(), problems);
        assertEquals(List.of("commerce.sales.orders", "customer.crm.customer"), declared.stream().map(d -> d.product().toString()).toList());
        assertEquals(List.of(name("commerce.yaml"), name("customer.yml")), declared.stream().map(ContractFiles.Declared::file).toList());
        assertEquals(List.of(new QualityRule.NotNull("c_custkey")), declared.get(1).contract().quality());
    }

    @Test
    void everyProblemOfEveryFileIsReported() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), """
                products:
                  - product: commerce.orders
                  - product: commerce.sales.orders
                    contract:
                      quality:
                        - row_count: {min: many}
                  - just a name
                """);
        Files.writeString(directory.resolve("b.yaml"), "products:\n  - product: commerce.sales.orders\n  - {product: [x\n");
        Files.writeString(directory.resolve("c.yaml"), "product: commerce.sales.orders\n");
        assertEquals(List.of(), read());
        assertEquals(List.of(
                name("a.yaml") + ":2: product: must be the product's full name, domain.schema.table",
                name("a.yaml") + ":6: contract.quality[0].row_count.min: must be a whole number of rows, 0 or more, not 'many'",
                name("a.yaml") + ":7: products: each entry must be a mapping with product: domain.schema.table",
                name("b.yaml") + ":3: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>",
                name("c.yaml") + ":1: a product file must be a mapping with a list 'products'"), problems);
    }

    @Test
    void aProductIsDescribedOnce() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), "products:\n  - product: commerce.sales.orders\n");
        Files.writeString(directory.resolve("b.yaml"), "products:\n  - {product: commerce.sales.orders, contract: {quality: [{row_count: {min: 1}}]}}\n");
        assertEquals(List.of(), read());
        assertEquals(List.of(name("b.yaml") + ":2: product commerce.sales.orders is already described at " + name("a.yaml")
                + ":2 (describe each product once)"), problems);
    }

    @Test
    void aMissingFolderIsOneProblem() {
        directory = directory.resolve("nowhere");
        assertEquals(List.of(), read());
        assertEquals(List.of(directory + ":0: not a folder (point products at the folder of product files)"), problems);
    }
}
