package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product files of a folder, loaded and validated: one {@link ProductEntry} per product they
 * describe, by full name. Files are used whole or not at all: any problem in any of them rejects
 * them all.
 *
 * <pre>
 * products:
 *   - name: supply.inventory.partsupp
 *     owner: supply-team
 *     contact: supply-team@example.com
 *     description: Which supplier offers which part, at what cost.
 *     sla: {freshness: 24h}
 *     version: "2.1"
 *     status: deprecated
 *     sunset: 2027-06-30
 *     access: Ask for the supply-readers group in #data-access.
 *     contract: {...}
 * </pre>
 */
public final class ProductFiles {
    private static final ProductFiles NONE = new ProductFiles(Map.of(), "none");

    private final Map<String, ProductEntry> entries;
    private final String fingerprint;

    private ProductFiles(Map<String, ProductEntry> entries, String fingerprint) {
        this.entries = Map.copyOf(entries);
        this.fingerprint = requireNonNull(fingerprint, "fingerprint is null");
    }

    /** No product files: products are described by their table properties alone. */
    public static ProductFiles none() {
        return NONE;
    }

    /**
     * The product files directly in {@code directory} ({@code *.yaml}, {@code *.yml}).
     *
     * @throws ProductLoadException listing every problem, by file and line, when they cannot be used
     */
    public static ProductFiles load(Path directory) {
        requireNonNull(directory, "directory is null");
        return load(ProductTexts.read(directory));
    }

    static ProductFiles load(ProductTexts texts) {
        List<ProductProblem> problems = new ArrayList<>(texts.problems());
        ProductFileBinder binder = new ProductFileBinder(problems);
        texts.texts().forEach(binder::bind);
        if (!problems.isEmpty()) {
            throw new ProductLoadException(problems.stream()
                    .sorted(Comparator.comparing(ProductProblem::file).thenComparingInt(ProductProblem::line)).toList());
        }
        return new ProductFiles(binder.entries(), texts.fingerprint());
    }

    /** The entry describing the product {@code domain.schema.table}, if a file describes it. */
    public Optional<ProductEntry> entry(String name) {
        return Optional.ofNullable(entries.get(requireNonNull(name, "name is null")));
    }

    /** Every entry, by product name. */
    public Map<String, ProductEntry> entries() {
        return entries;
    }

    /** A hash of the files these were loaded from; equal for equal files. */
    public String fingerprint() {
        return fingerprint;
    }
}
