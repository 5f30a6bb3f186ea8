package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.Session;
import io.meshgate.policy.Principal;
import io.meshgate.server.audit.ClientInfo;
import java.util.Optional;

/**
 * Who makes a call (the authenticated principal), from where (for the audit record), and the
 * catalog and schema its session has set (see {@link SessionOptions}).
 */
record Caller(Principal principal, ClientInfo client, Optional<String> catalog, Optional<String> schema) {
    Caller {
        requireNonNull(principal, "principal is null");
        requireNonNull(client, "client is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
    }

    Session session() {
        return new Session(principal, catalog, schema);
    }
}
