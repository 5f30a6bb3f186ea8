package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;

/**
 * Reads Iceberg's generic records (which apply delete files and read every type) and writes them
 * into Arrow batches; metadata tables' rows come as such records too. The records are opened on
 * the first {@link #next()}, one file at a time.
 */
final class GenericBatchStream implements BatchStream {
    private final CloseableIterable<Record> records;
    private final VectorSchemaRoot root;
    private final int batchSize;
    private CloseableIterator<Record> iterator;

    GenericBatchStream(CloseableIterable<Record> records, VectorSchemaRoot root, int batchSize) {
        this.records = requireNonNull(records, "records is null");
        this.root = requireNonNull(root, "root is null");
        this.batchSize = batchSize;
    }

    @Override
    public boolean next() {
        if (iterator == null) {
            iterator = records.iterator();
        }
        List<FieldVector> vectors = root.getFieldVectors();
        root.allocateNew();
        int rows = 0;
        while (rows < batchSize && iterator.hasNext()) {
            Record record = iterator.next();
            for (FieldVector vector : vectors) {
                ArrowValues.set(vector, rows, record.getField(vector.getName()));
            }
            rows++;
        }
        root.setRowCount(rows);
        return rows > 0;
    }

    @Override
    public VectorSchemaRoot current() {
        return root;
    }

    @Override
    public void close() {
        try (root; records) {
            if (iterator != null) {
                iterator.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
