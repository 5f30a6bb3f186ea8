package io.meshgate.server.audit;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.RelationAccess;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the transport knows about one query once it is over: who ran what, from where, which
 * tables it read under which decisions, how it ended and how long it took. A query that failed
 * while planning has no relations and no execution time.
 *
 * @param time  when the query started (its execution, or its planning when that failed)
 * @param rows  the rows sent to the client before the query ended
 * @param bytes the Arrow IPC body bytes of the batches sent to the client before the query ended
 * @param error the error code when {@code outcome} is FAILED, and only then
 */
public record QueryEvent(UUID queryId, Instant time, Principal principal, ClientInfo client, String sql,
        List<RelationAccess> relations, long rows, long bytes, Duration planning, Duration execution, Outcome outcome, Optional<ErrorCode> error) {
    /** How the query ended. */
    public enum Outcome {
        COMPLETED,
        /** The client went away before the last batch. */
        CANCELLED,
        FAILED
    }

    public QueryEvent {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(time, "time is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(client, "client is null");
        requireNonNull(sql, "sql is null");
        relations = List.copyOf(requireNonNull(relations, "relations is null"));
        requireNonNull(planning, "planning is null");
        requireNonNull(execution, "execution is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(error, "error is null");
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("Cannot create QueryEvent: rows and bytes are not negative");
        }
        if (error.isPresent() != (outcome == Outcome.FAILED)) {
            throw new IllegalArgumentException("Cannot create QueryEvent: an error code goes with outcome FAILED and only with it");
        }
    }

    /** A query that failed before it could run: no relations, no rows. */
    public static QueryEvent planningFailed(UUID queryId, Instant time, Principal principal, ClientInfo client, String sql,
            Duration planning, Throwable failure) {
        return new QueryEvent(queryId, time, principal, client, sql, List.of(), 0, 0, planning, Duration.ZERO, Outcome.FAILED,
                Optional.of(errorCode(failure)));
    }

    /** The code a failure reaches the client with; anything that is not a {@link MeshgateException} is internal. */
    public static ErrorCode errorCode(Throwable failure) {
        return failure instanceof MeshgateException e ? e.code() : ErrorCode.INTERNAL_ERROR;
    }
}
