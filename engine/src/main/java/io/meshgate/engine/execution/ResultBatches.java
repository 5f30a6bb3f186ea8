package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Packs the rows of an executing plan into Arrow batches of at most {@code batchSize} rows, pulling
 * rows only when the caller asks for the next batch. {@link #cancel()} stops a batch being filled
 * before its next row, with QUERY_CANCELLED. Closing it stops the plan: the row enumerator,
 * every scan it opened, the result vectors and the execution's allocator are closed.
 */
final class ResultBatches implements BatchStream {
    private final Supplier<Enumerator<Object>> plan;
    private Enumerator<Object> rows;
    private final ExecutionContext context;
    private final VectorSchemaRoot batch;
    private final ColumnWriters.ColumnWriter[] writers;
    private final int batchSize;
    private boolean done;
    private boolean closed;

    /** @param plan binds the plan to the execution and returns its rows; called by the first {@link #next()} */
    ResultBatches(Supplier<Enumerator<Object>> plan, ExecutionContext context, VectorSchemaRoot batch, int batchSize) {
        this.plan = requireNonNull(plan, "plan is null");
        this.context = requireNonNull(context, "context is null");
        this.batch = requireNonNull(batch, "batch is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("Cannot create result batches: batchSize must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        List<FieldVector> vectors = batch.getFieldVectors();
        this.writers = new ColumnWriters.ColumnWriter[vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            writers[i] = ColumnWriters.forVector(vectors.get(i));
        }
    }

    @Override
    public boolean next() {
        if (done || closed) {
            return false;
        }
        if (rows == null) {
            context.checkNotCancelled();
            rows = plan.get();
        }
        batch.allocateNew();
        int count = 0;
        while (count < batchSize) {
            context.checkNotCancelled();
            if (!rows.moveNext()) {
                break;
            }
            writeRow(count, rows.current());
            count++;
        }
        if (count < batchSize) {
            done = true;
        }
        batch.setRowCount(count);
        return count > 0;
    }

    /**
     * A row of one column is its value (Calcite unwraps one-column rows), which may itself be an
     * {@code Object[]} (a struct); a wider row is the {@code Object[]} of its values.
     */
    private void writeRow(int row, Object value) {
        if (writers.length == 1) {
            writers[0].write(row, value);
        } else {
            Object[] values = (Object[]) value;
            for (int i = 0; i < writers.length; i++) {
                writers[i].write(row, values[i]);
            }
        }
    }

    @Override
    public void cancel() {
        context.cancel();
    }

    @Override
    public VectorSchemaRoot current() {
        return batch;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rows != null) {
                rows.close();
            }
        } finally {
            batch.close();
            context.close();
        }
    }
}
