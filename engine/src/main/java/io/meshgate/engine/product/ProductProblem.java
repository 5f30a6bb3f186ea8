package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with the product files.
 *
 * @param file    the file's name within the product folder (the folder itself when the problem is with it)
 * @param line    the line (1-based; 0 when the problem is with the file or folder as a whole)
 * @param message what is wrong and how to fix it
 */
public record ProductProblem(String file, int line, String message) {
    public ProductProblem {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        if (line < 0) {
            throw new IllegalArgumentException("Cannot create ProductProblem: line is negative");
        }
    }

    /** {@code file:line: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
