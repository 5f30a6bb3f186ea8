package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** A local role held by users and groups; a role holds every role it inherits (no cycles). */
public record Role(String name, Set<String> inherits, Set<String> users, Set<String> groups, Origin origin) {
    public Role {
        requireNonNull(name, "name is null");
        inherits = Set.copyOf(requireNonNull(inherits, "inherits is null"));
        users = Set.copyOf(requireNonNull(users, "users is null"));
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(origin, "origin is null");
    }
}
