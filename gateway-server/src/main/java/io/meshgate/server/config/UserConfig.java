package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** A user who may log in with a password, and the groups it belongs to. */
public record UserConfig(String name, Password password, Set<String> groups) {
    public UserConfig {
        requireNonNull(name, "name is null");
        requireNonNull(password, "password is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("Cannot create user: name is blank");
        }
    }
}
