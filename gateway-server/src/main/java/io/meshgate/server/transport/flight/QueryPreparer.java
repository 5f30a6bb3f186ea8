package io.meshgate.server.transport.flight;

import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.Session;

/** Parses, validates and plans one SQL statement for a session (the engine's {@code prepare}). */
@FunctionalInterface
public interface QueryPreparer {
    /** @throws io.meshgate.error.MeshgateException when the statement is not valid for the session */
    PreparedQuery prepare(Session session, String sql);
}
