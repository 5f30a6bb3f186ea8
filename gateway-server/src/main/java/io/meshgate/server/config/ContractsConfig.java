package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where data contracts are declared and where the results of checking them are kept.
 *
 * @param products the folder of product files ({@code products:}), whose products may declare a {@code contract:}
 * @param results  the folder of contract results ({@code contracts.results:}), by default
 *                 {@value #DEFAULT_RESULTS} next to {@code meshgate.yaml}
 */
public record ContractsConfig(Optional<Path> products, Path results) {
    public static final String DEFAULT_RESULTS = "contract-results";

    public ContractsConfig {
        requireNonNull(products, "products is null");
        requireNonNull(results, "results is null");
    }

    /** No product files; results in the default folder. */
    public static ContractsConfig defaults() {
        return new ContractsConfig(Optional.empty(), Path.of(DEFAULT_RESULTS));
    }

    /** The same settings with relative paths resolved against {@code directory} (the configuration file's). */
    public ContractsConfig resolveAgainst(Path directory) {
        requireNonNull(directory, "directory is null");
        return new ContractsConfig(products.map(directory::resolve), directory.resolve(results));
    }
}
