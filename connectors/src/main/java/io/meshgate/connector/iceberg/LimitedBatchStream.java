package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Stops a stream once it has returned {@code limit} rows, truncating the batch that reaches it. */
final class LimitedBatchStream implements BatchStream {
    private final BatchStream delegate;
    private long remaining;

    LimitedBatchStream(BatchStream delegate, long limit) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        if (limit < 0) {
            throw new IllegalArgumentException("Cannot limit a stream to " + limit + " rows: use zero or more");
        }
        this.remaining = limit;
    }

    @Override
    public boolean next() {
        if (remaining == 0 || !delegate.next()) {
            return false;
        }
        VectorSchemaRoot root = delegate.current();
        if (root.getRowCount() > remaining) {
            root.setRowCount((int) remaining);
        }
        remaining -= root.getRowCount();
        return true;
    }

    @Override
    public VectorSchemaRoot current() {
        return delegate.current();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
