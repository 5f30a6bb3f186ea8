package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.Principal;
import java.util.Optional;

/**
 * Who runs a query and in which context: the authenticated principal, and the catalog (domain) and
 * schema that one- and two-part table names resolve against.
 */
public record Session(Principal principal, Optional<String> catalog, Optional<String> schema) {
    public Session {
        requireNonNull(principal, "principal is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
    }

    public static Session of(Principal principal) {
        return new Session(principal, Optional.empty(), Optional.empty());
    }
}
