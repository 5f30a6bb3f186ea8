package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem of one configuration file, reported together. */
public final class ConfigException extends RuntimeException {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(format(errors));
        this.errors = List.copyOf(requireNonNull(errors, "errors is null"));
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(List<ConfigError> errors) {
        return errors.size() + " configuration error(s):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
