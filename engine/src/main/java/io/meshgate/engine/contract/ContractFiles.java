package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import io.meshgate.yaml.YamlNode;
import io.meshgate.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the contracts in a folder of product files: every {@code *.yaml} and {@code *.yml} file
 * directly in it, each a mapping whose {@code products} list describes products by full name
 * ({@code product: commerce.sales.orders}), some with a {@code contract}. Only those two keys are
 * read here; the product's other fields belong to the product catalog.
 */
public final class ContractFiles {
    /** A product's contract and the file it is declared in. */
    public record Declared(ProductName product, Contract contract, String file) {
        public Declared {
            requireNonNull(product, "product is null");
            requireNonNull(contract, "contract is null");
            requireNonNull(file, "file is null");
        }
    }

    private ContractFiles() {
    }

    /**
     * The contracts declared in {@code directory}, by file name and then file order. Every problem
     * (unreadable file, invalid YAML, a product without a valid name or declared twice, a contract
     * problem) is reported with its file (named {@code folder/file.yaml}) and line.
     */
    public static List<Declared> read(Path directory, Consumer<ContractProblem> problems) {
        requireNonNull(directory, "directory is null");
        requireNonNull(problems, "problems is null");
        if (!Files.isDirectory(directory)) {
            problems.accept(new ContractProblem(directory.toString(), 0, "not a folder (point products at the folder of product files)"));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(ContractFiles::isProductFile).sorted().toList();
        } catch (IOException e) {
            problems.accept(new ContractProblem(directory.toString(), 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
        List<Declared> declared = new ArrayList<>();
        Map<ProductName, String> seen = new HashMap<>();
        for (Path file : files) {
            String name = Optional.ofNullable(directory.getFileName()).map(d -> d.resolve(file.getFileName()).toString())
                    .orElse(file.getFileName().toString());
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.accept(new ContractProblem(name, 0, "cannot read the file: " + e.getMessage()));
                continue;
            }
            YamlReader.read(text, p -> problems.accept(new ContractProblem(name, p.line(), p.message())))
                    .ifPresent(root -> products(name, root, problems, seen, declared));
        }
        return declared;
    }

    private static void products(String file, YamlNode root, Consumer<ContractProblem> problems, Map<ProductName, String> seen,
            List<Declared> declared) {
        if (!(root instanceof YamlNode.Mapping mapping) || !(mapping.entries().get("products") instanceof YamlNode.Sequence products)) {
            problems.accept(new ContractProblem(file, root.line(), "a product file must be a mapping with a list 'products'"));
            return;
        }
        for (YamlNode entry : products.items()) {
            if (!(entry instanceof YamlNode.Mapping product)) {
                problems.accept(new ContractProblem(file, entry.line(), "products: each entry must be a mapping with product: domain.schema.table"));
                continue;
            }
            YamlNode nameNode = product.entries().get("product");
            Optional<ProductName> name = nameNode instanceof YamlNode.Scalar scalar ? ProductName.parse(scalar.text()) : Optional.empty();
            if (name.isEmpty()) {
                problems.accept(new ContractProblem(file, nameNode == null ? entry.line() : nameNode.line(),
                        "product: must be the product's full name, domain.schema.table"));
                continue;
            }
            String earlier = seen.putIfAbsent(name.get(), file + ":" + nameNode.line());
            if (earlier != null) {
                problems.accept(new ContractProblem(file, nameNode.line(), "product " + name.get() + " is already described at " + earlier
                        + " (describe each product once)"));
                continue;
            }
            YamlNode contract = product.entries().get("contract");
            if (contract != null) {
                Contracts.parse(contract, file, problems).ifPresent(c -> declared.add(new Declared(name.get(), c, file)));
            }
        }
    }

    private static boolean isProductFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }
}
