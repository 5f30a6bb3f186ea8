package io.meshgate.server.transport.flight;

import io.meshgate.engine.PreparedQuery;
import io.meshgate.server.audit.QueryRecorder;
import io.meshgate.server.audit.QueryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Plans a client's statement, timing it; a statement that fails to plan gets its audit record here (DENY or ERROR). */
final class StatementPlanner {
    private final QueryPreparer preparer;
    private final QueryRecorder recorder;

    StatementPlanner(QueryPreparer preparer, QueryRecorder recorder) {
        this.preparer = preparer;
        this.recorder = recorder;
    }

    PlannedStatement plan(Caller caller, String sql) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        PreparedQuery query;
        try {
            query = preparer.prepare(caller.session(), sql);
        } catch (RuntimeException e) {
            recorder.record(QueryEvent.planningFailed(UUID.randomUUID(), started, caller.principal(), caller.client(), sql,
                    Duration.ofNanos(System.nanoTime() - startNanos), e));
            throw e;
        }
        return new PlannedStatement(sql, query, Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
