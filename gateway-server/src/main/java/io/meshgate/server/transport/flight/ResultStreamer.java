package io.meshgate.server.transport.flight;

import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.RelationAccess;
import io.meshgate.error.ErrorCode;
import io.meshgate.server.audit.QueryAuditor;
import io.meshgate.server.audit.QueryEvent;
import io.meshgate.server.error.FlightErrorMapper;
import io.meshgate.spi.BatchStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a query's batches to a client as the engine produces them: each batch is written before
 * the next is read, the client's flow control is waited for between batches, a cancelled call
 * stops reading, and the batch stream is always closed. Every execution writes one audit record
 * when it ends (completed, failed or cancelled, with the rows sent so far), before the client is
 * told that the result is complete.
 */
final class ResultStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
    private static final long READY_WAIT_MILLIS = 30_000;

    private final BufferAllocator allocator;
    private final QueryAuditor auditor;

    ResultStreamer(BufferAllocator allocator, QueryAuditor auditor) {
        this.allocator = allocator;
        this.auditor = auditor;
    }

    void stream(Caller caller, PlannedStatement statement, ServerStreamListener listener) {
        Execution execution = new Execution(caller, statement);
        BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
        backpressure.register(listener);
        try (VectorSchemaRoot out = VectorSchemaRoot.create(statement.query().resultSchema(), allocator)) {
            listener.start(out);
            boolean complete = sendAll(statement.query(), out, backpressure, listener, execution);
            execution.end(complete ? QueryEvent.Outcome.COMPLETED : QueryEvent.Outcome.CANCELLED, Optional.empty());
            if (complete) {
                // Only now: the scans are closed and the query audited before the client learns that the result is complete.
                listener.completed();
            }
        } catch (RuntimeException e) {
            execution.end(QueryEvent.Outcome.FAILED, Optional.of(QueryEvent.errorCode(e)));
            listener.error(FlightErrorMapper.toFlightException(e));
        }
    }

    /** Sends every batch; false when the client went away first. Closes the query's batches either way. */
    private static boolean sendAll(PreparedQuery query, VectorSchemaRoot out, BackpressureStrategy backpressure,
            ServerStreamListener listener, Execution execution) {
        try (BatchStream batches = query.execute()) {
            // Read after execute: a prepared query planned again for a new policy revision reads under the new decisions.
            execution.relations = query.relations();
            VectorLoader loader = new VectorLoader(out);
            while (batches.next()) {
                if (!awaitReady(backpressure, listener)) {
                    LOG.debug("Client cancelled the stream; stopped reading");
                    return false;
                }
                try (ArrowRecordBatch batch = new VectorUnloader(batches.current()).getRecordBatch()) {
                    loader.load(batch);
                }
                listener.putNext();
                execution.rows += out.getRowCount();
            }
            return true;
        }
    }

    private static boolean awaitReady(BackpressureStrategy backpressure, ServerStreamListener listener) {
        while (true) {
            if (listener.isCancelled()) {
                return false;
            }
            BackpressureStrategy.WaitResult result = backpressure.waitForListener(READY_WAIT_MILLIS);
            switch (result) {
                case READY -> {
                    return true;
                }
                case CANCELLED -> {
                    return false;
                }
                default -> {
                    // TIMEOUT or OTHER: the client is slow; keep waiting unless it went away.
                }
            }
        }
    }

    /** One run of a statement, from its first batch to its audit record, which it writes once. */
    private final class Execution {
        private final UUID queryId = UUID.randomUUID();
        private final Instant started = Instant.now();
        private final long startNanos = System.nanoTime();
        private final Caller caller;
        private final PlannedStatement statement;
        /** The tables read and their decisions, once the query runs; none when it failed before. */
        private List<RelationAccess> relations = List.of();
        private long rows;
        private boolean ended;

        Execution(Caller caller, PlannedStatement statement) {
            this.caller = caller;
            this.statement = statement;
        }

        void end(QueryEvent.Outcome outcome, Optional<ErrorCode> error) {
            if (ended) {
                return;
            }
            ended = true;
            auditor.record(new QueryEvent(queryId, started, caller.principal(), caller.client(), statement.sql(),
                    relations, rows, statement.planning(), Duration.ofNanos(System.nanoTime() - startNanos),
                    outcome, error));
        }
    }
}
