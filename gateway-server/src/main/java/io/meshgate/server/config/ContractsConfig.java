package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the results of checking data contracts are kept (contracts are declared in the product
 * files, {@code products:}).
 *
 * @param results  the folder of contract results ({@code contracts.results:}), by default
 *                 {@value #DEFAULT_RESULTS} next to {@code meshgate.yaml}
 */
public record ContractsConfig(Path results) {
    public static final String DEFAULT_RESULTS = "contract-results";

    public ContractsConfig {
        requireNonNull(results, "results is null");
    }

    /** Results in the default folder. */
    public static ContractsConfig defaults() {
        return new ContractsConfig(Path.of(DEFAULT_RESULTS));
    }

    /** The same settings with relative paths resolved against {@code directory} (the configuration file's). */
    public ContractsConfig resolveAgainst(Path directory) {
        requireNonNull(directory, "directory is null");
        return new ContractsConfig(directory.resolve(results));
    }
}
