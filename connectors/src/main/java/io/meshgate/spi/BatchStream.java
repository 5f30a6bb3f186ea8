package io.meshgate.spi;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A stream of Arrow record batches. {@link #current()} is valid until the next call to
 * {@link #next()} or {@link #close()}; its vectors belong to the stream and are released by
 * {@link #close()}. Streams read lazily: a batch is decoded when it is asked for.
 */
public interface BatchStream extends AutoCloseable {
    /** Advances to the next non-empty batch; false at the end. */
    boolean next();

    /** The current batch, its columns in the order the scan asked for. */
    VectorSchemaRoot current();

    /**
     * Asks the stream to stop, from any thread: a {@link #next()} running or called later fails
     * with {@link io.meshgate.error.ErrorCode#QUERY_CANCELLED} as soon as the stream notices, at
     * the latest before its next row or batch. The caller still closes the stream. Streams that
     * cannot stop early ignore it.
     */
    default void cancel() {
    }

    @Override
    void close();
}
