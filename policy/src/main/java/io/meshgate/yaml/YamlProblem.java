package io.meshgate.yaml;

import static java.util.Objects.requireNonNull;

/**
 * Why YAML text could not be read as written: a syntax error or a duplicate key.
 *
 * @param path the key path of the duplicate key ({@code server.port}, {@code grants[2].id}); empty
 *             for a problem of the whole document
 */
public record YamlProblem(int line, String path, String message) {
    public YamlProblem {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
        if (line < 1) {
            throw new IllegalArgumentException("Cannot create YamlProblem: line must be 1 or more");
        }
    }
}
