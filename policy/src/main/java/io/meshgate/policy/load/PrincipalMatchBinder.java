package io.meshgate.policy.load;

import io.meshgate.policy.model.PrincipalMatch;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds whom a rule is for: {@code {users: [..], groups: [..], roles: [..]}} or {@code {all: true}}; roles must be declared. */
final class PrincipalMatchBinder {
    private final Declared declared;

    PrincipalMatchBinder(Declared declared) {
        this.declared = declared;
    }

    /**
     * The match under {@code key} of {@code parent}; empty after reporting its problems, and a
     * problem when {@code mustNameSomeone} and it names nobody.
     */
    Optional<PrincipalMatch> bind(Fields parent, String key, boolean mustNameSomeone) {
        Optional<Fields> found = parent.mapping(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = found.get();
        Optional<Boolean> all = fields.has("all") ? fields.bool("all") : Optional.of(false);
        Optional<List<String>> users = names(fields, "users");
        Optional<List<String>> groups = names(fields, "groups");
        Optional<List<String>> roles = names(fields, "roles");
        fields.rejectUnknownKeys();
        if (all.isEmpty() || users.isEmpty() || groups.isEmpty() || roles.isEmpty() || !declared.rolesDeclared(fields, "roles", roles.get())) {
            return Optional.empty();
        }
        PrincipalMatch match = new PrincipalMatch(all.get(), Set.copyOf(users.get()), Set.copyOf(groups.get()), Set.copyOf(roles.get()));
        if (mustNameSomeone && match.isEmpty()) {
            fields.problemHere(Rules.EMPTY_PRINCIPALS, "names nobody (list users, groups or roles, or write all: true)");
            return Optional.empty();
        }
        return Optional.of(match);
    }

    private static Optional<List<String>> names(Fields fields, String key) {
        return fields.has(key) ? fields.strings(key) : Optional.of(List.of());
    }
}
