package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.PreparedQuery;
import java.time.Duration;

/** A client's statement as planned: its text (for the audit record), the engine's query, and how long planning took. */
record PlannedStatement(String sql, PreparedQuery query, Duration planning) {
    PlannedStatement {
        requireNonNull(sql, "sql is null");
        requireNonNull(query, "query is null");
        requireNonNull(planning, "planning is null");
    }
}
