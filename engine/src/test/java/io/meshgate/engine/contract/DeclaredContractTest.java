package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.engine.product.ProductFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts are read from the product files' {@code contract:} entries; each problem is reported with its file and line. */
class DeclaredContractTest {
    @TempDir
    Path directory;

    private final List<String> problems = new ArrayList<>();

    private List<DeclaredContract> read() {
        return DeclaredContract.in(ProductFiles.load(directory), p -> problems.add(p.toString()));
    }

    @Test
    void contractsAreReadFromEveryProductFileInFileAndLineOrder() throws IOException {
        Files.writeString(directory.resolve("customer.yml"), """
                products:
                  - name: customer.crm.customer
                    owner: crm-team
                    contract:
                      quality:
                        - not_null: [c_custkey]
                """);
        Files.writeString(directory.resolve("commerce.yaml"), """
                products:
                  - name: commerce.sales.orders
                    description: One row per order.
                    contract:
                      quality:
                        - row_count: {min: 1}
                  - name: commerce.sales.lineitem
                    description: No contract yet.
                  - name: commerce.sales.nation.names
                    contract: {quality: [{freshness: {max_age: 1d}}]}
                """);
        List<DeclaredContract> declared = read();
        assertEquals(List.of(), problems);
        assertEquals(List.of("commerce.sales.orders", "commerce.sales.nation.names", "customer.crm.customer"),
                declared.stream().map(d -> d.product().toString()).toList());
        assertEquals(new ProductName("commerce", "sales.nation", "names"), declared.get(1).product());
        assertEquals(List.of("commerce.yaml:2", "commerce.yaml:9", "customer.yml:2"), declared.stream().map(DeclaredContract::origin).toList());
        assertEquals(List.of(new QualityRule.NotNull("c_custkey")), declared.get(2).contract().quality());
    }

    @Test
    void aContractWithProblemsIsLeftOutAndEachProblemHasItsFileAndLine() throws IOException {
        Files.writeString(directory.resolve("a.yaml"), """
                products:
                  - name: commerce.sales.orders
                    contract:
                      quality:
                        - row_count: {min: many}
                  - name: commerce.sales.lineitem
                    contract: {quality: [{row_count: {min: 1}}]}
                """);
        Files.writeString(directory.resolve("b.yaml"), "products:\n  - name: customer.crm.customer\n    contract: {schema: {}}\n");
        List<DeclaredContract> declared = read();
        assertEquals(List.of("commerce.sales.lineitem"), declared.stream().map(d -> d.product().toString()).toList());
        assertEquals(List.of(
                "a.yaml:5: contract.quality[0].row_count.min: must be a whole number of rows, 0 or more, not 'many'",
                "b.yaml:3: contract.schema: 'columns' is required (a mapping of column name to type, such as o_orderkey: bigint not null)"),
                problems);
    }
}
