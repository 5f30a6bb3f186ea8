package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

/**
 * One problem found while binding the configuration.
 *
 * @param source where the value came from: {@code meshgate.yaml:7}, or {@code env MESHGATE_SERVER_PORT}
 * @param path   the key path, such as {@code domains[0].catalog.uri}
 */
public record ConfigError(String source, String path, String message) {
    public ConfigError {
        requireNonNull(source, "source is null");
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return source + ": " + path + ": " + message;
    }
}
