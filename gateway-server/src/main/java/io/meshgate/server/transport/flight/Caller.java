package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.Session;
import io.meshgate.policy.Principal;
import io.meshgate.server.audit.ClientInfo;

/** Who makes a call (the authenticated principal) and from where (for the audit record). */
record Caller(Principal principal, ClientInfo client) {
    Caller {
        requireNonNull(principal, "principal is null");
        requireNonNull(client, "client is null");
    }

    Session session() {
        return Session.of(principal);
    }
}
