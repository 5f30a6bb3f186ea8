package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a contract as written.
 *
 * @param file    the file the contract is in, as the caller named it
 * @param line    the line (1-based; 0 when the problem is with the file as a whole)
 * @param message what is wrong and how to fix it
 */
public record ContractProblem(String file, int line, String message) {
    public ContractProblem {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        if (line < 0) {
            throw new IllegalArgumentException("Cannot create ContractProblem: line is negative");
        }
    }

    /** {@code file:line: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
