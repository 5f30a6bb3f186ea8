package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.product.ProductEntry;
import io.meshgate.engine.product.ProductFiles;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A product's contract as its product file declares it ({@code contract:} in the product's entry,
 * see {@link ProductFiles}), with where: {@code origin} is the entry's {@code file:line}.
 */
public record DeclaredContract(ProductName product, Contract contract, String origin) {
    public DeclaredContract {
        requireNonNull(product, "product is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(origin, "origin is null");
    }

    /**
     * The contracts of the products {@code files} describe, in file and line order. Each problem of
     * a contract is reported to {@code problems} with its file (as the product files name it) and
     * line, and that contract is left out.
     */
    public static List<DeclaredContract> in(ProductFiles files, Consumer<ContractProblem> problems) {
        requireNonNull(files, "files is null");
        requireNonNull(problems, "problems is null");
        return files.entries().values().stream()
                .sorted(Comparator.comparing(ProductEntry::file).thenComparingInt(ProductEntry::line))
                .flatMap(entry -> entry.contract().flatMap(node -> Contracts.parse(node, entry.file(), problems))
                        .map(contract -> new DeclaredContract(name(entry), contract, entry.origin())).stream())
                .toList();
    }

    private static ProductName name(ProductEntry entry) {
        Optional<ProductName> name = ProductName.parse(entry.name());
        return name.orElseThrow(() -> new IllegalArgumentException("Cannot read the contract of " + entry.name() + " at " + entry.origin()
                + ": not a product's full name (write domain.schema.table)"));
    }
}
