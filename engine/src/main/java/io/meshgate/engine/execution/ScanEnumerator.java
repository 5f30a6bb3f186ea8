package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Turns a stream of Arrow batches into rows, one batch at a time: each row an {@code Object[]} of
 * its values, or, for a scalar scan (one column), the value itself. The stream is closed, and its
 * buffers released, as soon as it is exhausted or the enumerator is closed. Each row first checks
 * that the execution was not cancelled, so that even an operator that reads a scan to the end
 * before it returns a row (a join, an aggregate, a sort) stops soon after a cancel.
 */
final class ScanEnumerator implements Enumerator<Object> {
    private final BatchStream stream;
    private final ExecutionContext context;
    private final int columnCount;
    private final boolean scalar;
    private ColumnReaders.ColumnReader[] readers = new ColumnReaders.ColumnReader[0];
    private int rowCount;
    private int nextRow;
    private Object current;
    private boolean positioned;
    private boolean done;

    ScanEnumerator(BatchStream stream, ExecutionContext context, int columnCount, boolean scalar) {
        this.stream = requireNonNull(stream, "stream is null");
        this.context = requireNonNull(context, "context is null");
        if (scalar && columnCount != 1) {
            throw new IllegalArgumentException("Cannot read " + columnCount + " columns as scalar rows (a scalar row has one column)");
        }
        this.columnCount = columnCount;
        this.scalar = scalar;
    }

    @Override
    public Object current() {
        if (!positioned) {
            throw new IllegalStateException("Cannot read the current row: call moveNext() first");
        }
        return current;
    }

    @Override
    public boolean moveNext() {
        context.checkNotCancelled();
        while (nextRow >= rowCount) {
            if (done || !stream.next()) {
                close();
                return false;
            }
            startBatch(stream.current());
        }
        if (scalar) {
            current = readers[0].read(nextRow);
        } else {
            Object[] row = new Object[columnCount];
            for (int i = 0; i < columnCount; i++) {
                row[i] = readers[i].read(nextRow);
            }
            current = row;
        }
        nextRow++;
        positioned = true;
        return true;
    }

    private void startBatch(VectorSchemaRoot batch) {
        List<FieldVector> vectors = batch.getFieldVectors();
        if (vectors.size() != columnCount) {
            throw new IllegalStateException("Cannot read scan batch: expected " + columnCount + " columns, got " + vectors.size());
        }
        readers = new ColumnReaders.ColumnReader[columnCount];
        for (int i = 0; i < columnCount; i++) {
            readers[i] = ColumnReaders.forVector(vectors.get(i));
        }
        rowCount = batch.getRowCount();
        nextRow = 0;
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("Cannot reset a scan: scans are read once");
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            rowCount = 0;
            stream.close();
        }
    }
}
