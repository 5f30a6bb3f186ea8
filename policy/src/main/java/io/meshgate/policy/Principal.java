package io.meshgate.policy;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** An authenticated user or service and the groups it belongs to. */
public record Principal(String name, Set<String> groups) {
    public Principal {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Cannot create Principal: name is blank");
        }
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
    }

    public static Principal of(String name) {
        return new Principal(name, Set.of());
    }
}
