package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** Whom a grant or restriction is for: everyone ({@code all}), or named users, groups and roles. */
public record PrincipalMatch(boolean all, Set<String> users, Set<String> groups, Set<String> roles) {
    public PrincipalMatch {
        users = Set.copyOf(requireNonNull(users, "users is null"));
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
    }

    public static PrincipalMatch everyone() {
        return new PrincipalMatch(true, Set.of(), Set.of(), Set.of());
    }

    public static PrincipalMatch nobody() {
        return new PrincipalMatch(false, Set.of(), Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return !all && users.isEmpty() && groups.isEmpty() && roles.isEmpty();
    }
}
