package io.meshgate.server.transport.flight;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.Deadline;
import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.RelationAccess;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.audit.QueryRecorder;
import io.meshgate.server.audit.QueryEvent;
import io.meshgate.server.error.FlightErrorMapper;
import io.meshgate.server.transport.flight.RunningQueries.RunningQuery;
import io.meshgate.server.transport.flight.RunningQueries.TimeLimit;
import io.meshgate.spi.BatchStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * the next is read, and the client's flow control is waited for between batches. A query stops
 * early when its owner cancels it (CancelFlightInfo), when it exceeds its time limit (the server's
 * {@code query.timeout} or the client's call deadline, whichever ends first) or when the client
 * goes away (a cancelled gRPC call, which is also what a JDBC {@code Statement.cancel()} sends);
 * the engine notices before its next row, and the batch stream is always closed. Every execution
 * writes one audit record when it ends (completed, failed or cancelled, with the rows sent so far),
 * before the client is told that the result is complete. The stream's schema carries the query's
 * warnings ({@link QueryWarnings}).
 */
final class ResultStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
    /** How long one wait for the client's flow control lasts before the loop looks again. */
    private static final long READY_WAIT_MILLIS = 1_000;

    private final BufferAllocator allocator;
    private final QueryRecorder recorder;
    private final RunningQueries running;
    private final Duration queryTimeout;

    ResultStreamer(BufferAllocator allocator, QueryRecorder recorder, RunningQueries running, Duration queryTimeout) {
        this.allocator = allocator;
        this.recorder = recorder;
        this.running = running;
        this.queryTimeout = queryTimeout;
    }

    /** Runs {@code statement}, known to clients as {@code handle}, and streams its result. */
    void stream(Caller caller, ByteString handle, PlannedStatement statement, ServerStreamListener listener) {
        Execution execution = new Execution(caller, statement);
        ClientBackpressure backpressure = new ClientBackpressure();
        RunningQuery query = running.start(handle, caller.principal(), TimeLimit.of(queryTimeout, callDeadline()),
                backpressure::interruptWait);
        backpressure.onClientGone = () -> query.stop(clientGone());
        backpressure.register(listener);
        // The warnings go in the stream's schema; a query on a product retired since it was planned fails here.
        try (VectorSchemaRoot out = VectorSchemaRoot.create(QueryWarnings.schema(statement.query().resultSchema(), statement.query().warnings()),
                allocator)) {
            listener.start(out);
            sendAll(statement.query(), out, backpressure, listener, execution, query);
            execution.end(QueryEvent.Outcome.COMPLETED, Optional.empty());
            // Only now: the scans are closed and the query audited before the client learns that the result is complete.
            listener.completed();
        } catch (RuntimeException e) {
            // A stopped query fails wherever the engine noticed; the client hears why it was stopped.
            RuntimeException failure = query.stopReason().isPresent() ? query.stopReason().get() : e;
            ErrorCode code = QueryEvent.errorCode(failure);
            if (code == ErrorCode.QUERY_CANCELLED) {
                execution.end(QueryEvent.Outcome.CANCELLED, Optional.empty());
            } else {
                execution.end(QueryEvent.Outcome.FAILED, Optional.of(code));
            }
            if (listener.isCancelled()) {
                LOG.debug("Client cancelled the stream; stopped reading");
            } else {
                listener.error(FlightErrorMapper.toFlightException(failure));
            }
        } finally {
            running.finish(query);
        }
    }

    /** The time left before the deadline of the gRPC call being served, if the client set one. */
    private static Optional<Duration> callDeadline() {
        Deadline deadline = Context.current().getDeadline();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, deadline.timeRemaining(TimeUnit.NANOSECONDS))));
    }

    /** Sends every batch, or fails with the reason the query was stopped. Closes the query's batches either way. */
    private static void sendAll(PreparedQuery query, VectorSchemaRoot out, ClientBackpressure backpressure,
            ServerStreamListener listener, Execution execution, RunningQuery running) {
        try (BatchStream batches = query.execute()) {
            running.running(batches);
            // Read after execute: a prepared query planned again for a new policy revision reads under the new decisions.
            execution.relations = query.relations();
            VectorLoader loader = new VectorLoader(out);
            while (batches.next()) {
                awaitReady(backpressure, listener, running);
                long bodyBytes;
                try (ArrowRecordBatch batch = new VectorUnloader(batches.current()).getRecordBatch()) {
                    loader.load(batch);
                    bodyBytes = batch.computeBodyLength();
                }
                listener.putNext();
                execution.rows += out.getRowCount();
                execution.bytes += bodyBytes;
            }
            running.checkNotStopped();
        }
    }

    /** Waits until the client can take a batch; fails with the stop reason if the query is stopped first. */
    private static void awaitReady(BackpressureStrategy backpressure, ServerStreamListener listener, RunningQuery running) {
        while (true) {
            running.checkNotStopped();
            if (listener.isCancelled()) {
                running.stop(clientGone());
                continue;
            }
            if (backpressure.waitForListener(READY_WAIT_MILLIS) == BackpressureStrategy.WaitResult.READY) {
                running.checkNotStopped();
                return;
            }
            // TIMEOUT, CANCELLED or OTHER (woken by a stop): look again.
        }
    }

    private static MeshgateException clientGone() {
        return new MeshgateException(ErrorCode.QUERY_CANCELLED, "Query cancelled: the client closed the call");
    }

    /** Flow control that also stops the query when the client cancels the call. */
    private static final class ClientBackpressure extends BackpressureStrategy.CallbackBackpressureStrategy {
        private volatile Runnable onClientGone = () -> { };

        @Override
        protected void cancelCallback() {
            onClientGone.run();
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
        private long bytes;
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
            recorder.record(new QueryEvent(queryId, started, caller.principal(), caller.client(), statement.sql(),
                    relations, rows, bytes, statement.planning(), Duration.ofNanos(System.nanoTime() - startNanos),
                    outcome, error));
        }
    }
}
