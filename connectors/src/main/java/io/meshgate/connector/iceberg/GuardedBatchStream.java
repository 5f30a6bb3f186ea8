package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reports a failure while reading as a Meshgate error that names the table. */
final class GuardedBatchStream implements BatchStream {
    private final BatchStream delegate;
    private final String tableName;

    GuardedBatchStream(BatchStream delegate, String tableName) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
    }

    @Override
    public boolean next() {
        try {
            return delegate.next();
        } catch (RuntimeException e) {
            throw ExternalErrors.external("Cannot read Iceberg table " + tableName, e);
        }
    }

    @Override
    public VectorSchemaRoot current() {
        return delegate.current();
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            throw ExternalErrors.external("Cannot close the scan of Iceberg table " + tableName, e);
        }
    }
}
