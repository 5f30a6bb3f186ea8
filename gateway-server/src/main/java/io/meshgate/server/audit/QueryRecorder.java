package io.meshgate.server.audit;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Where the transport reports each query once it is over (its {@link QueryEvent}): the audit log,
 * and the served-data counters of {@code /metrics}.
 */
@FunctionalInterface
public interface QueryRecorder {
    void record(QueryEvent event);

    /**
     * Records with each of {@code recorders} in turn; one that throws is logged and does not keep
     * the others from recording, nor fail the query.
     */
    static QueryRecorder all(QueryRecorder... recorders) {
        List<QueryRecorder> each = List.of(recorders);
        return event -> {
            for (QueryRecorder recorder : each) {
                try {
                    recorder.record(event);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(QueryRecorder.class).error("Cannot record query {}: {}", event.queryId(), e.toString());
                }
            }
        };
    }
}
