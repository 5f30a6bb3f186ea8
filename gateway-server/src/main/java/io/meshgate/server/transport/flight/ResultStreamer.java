package io.meshgate.server.transport.flight;

import io.meshgate.engine.PreparedQuery;
import io.meshgate.server.error.FlightErrorMapper;
import io.meshgate.spi.BatchStream;
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
 * stops reading, and the batch stream is always closed.
 */
final class ResultStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
    private static final long READY_WAIT_MILLIS = 30_000;

    private final BufferAllocator allocator;

    ResultStreamer(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    void stream(PreparedQuery query, ServerStreamListener listener) {
        BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
        backpressure.register(listener);
        try (VectorSchemaRoot out = VectorSchemaRoot.create(query.resultSchema(), allocator)) {
            listener.start(out);
            if (sendAll(query, out, backpressure, listener)) {
                // Only now: the scans are closed before the client learns that the result is complete.
                listener.completed();
            }
        } catch (RuntimeException e) {
            listener.error(FlightErrorMapper.toFlightException(e));
        }
    }

    /** Sends every batch; false when the client went away first. Closes the query's batches either way. */
    private static boolean sendAll(PreparedQuery query, VectorSchemaRoot out, BackpressureStrategy backpressure,
            ServerStreamListener listener) {
        try (BatchStream batches = query.execute()) {
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
}
