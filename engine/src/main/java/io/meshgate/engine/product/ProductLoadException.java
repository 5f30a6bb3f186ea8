package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** Product files that cannot be used, with every problem found in them. */
public final class ProductLoadException extends RuntimeException {
    private final List<ProductProblem> problems;

    public ProductLoadException(List<ProductProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, by file and line. */
    public List<ProductProblem> problems() {
        return problems;
    }

    private static String format(List<ProductProblem> problems) {
        requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot create ProductLoadException: no problems");
        }
        return "Cannot load the product files: " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
