package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Turns a stream of Arrow batches into rows, one batch at a time. The stream is closed, and its
 * buffers released, as soon as it is exhausted or the enumerator is closed.
 */
final class ScanEnumerator implements Enumerator<Object[]> {
    private final BatchStream stream;
    private final int columnCount;
    private ColumnReaders.ColumnReader[] readers = new ColumnReaders.ColumnReader[0];
    private int rowCount;
    private int nextRow;
    private Object[] current;
    private boolean done;

    ScanEnumerator(BatchStream stream, int columnCount) {
        this.stream = requireNonNull(stream, "stream is null");
        this.columnCount = columnCount;
    }

    @Override
    public Object[] current() {
        if (current == null) {
            throw new IllegalStateException("Cannot read the current row: call moveNext() first");
        }
        return current;
    }

    @Override
    public boolean moveNext() {
        while (nextRow >= rowCount) {
            if (done || !stream.next()) {
                close();
                return false;
            }
            startBatch(stream.current());
        }
        Object[] row = new Object[columnCount];
        for (int i = 0; i < columnCount; i++) {
            row[i] = readers[i].read(nextRow);
        }
        nextRow++;
        current = row;
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
