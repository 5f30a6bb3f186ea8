package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.CombinedScanTask;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.arrow.vectorized.ArrowReader;
import org.apache.iceberg.arrow.vectorized.ColumnVector;
import org.apache.iceberg.arrow.vectorized.ColumnarBatch;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;

/**
 * Reads Parquet data files with Iceberg's vectorized Arrow reader and copies each batch into the
 * stream's own vectors, allocated from the caller's allocator (the reader allocates from Iceberg's
 * root allocator and reuses its vectors from batch to batch, so they cannot be handed out). Files
 * are opened one at a time, when the next batch needs them.
 */
final class VectorizedBatchStream implements BatchStream {
    private final TableScan scan;
    private final List<CombinedScanTask> tasks;
    private final int batchSize;
    private final VectorSchemaRoot root;
    private final int[] sourceColumns;
    private ArrowReader reader;
    private CloseableIterator<ColumnarBatch> batches;

    /**
     * @param sourceColumns for each vector of {@code root}, its position in {@code scan.schema()}
     */
    VectorizedBatchStream(TableScan scan, List<CombinedScanTask> tasks, int batchSize, VectorSchemaRoot root, int[] sourceColumns) {
        this.scan = requireNonNull(scan, "scan is null");
        this.tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        this.batchSize = batchSize;
        this.root = requireNonNull(root, "root is null");
        this.sourceColumns = sourceColumns.clone();
        if (sourceColumns.length != root.getFieldVectors().size() || sourceColumns.length == 0) {
            throw new IllegalArgumentException("Cannot read vectorized: needs one source column per vector, and at least one");
        }
    }

    @Override
    public boolean next() {
        if (batches == null) {
            reader = new ArrowReader(scan, batchSize, true);
            batches = reader.open(CloseableIterable.withNoopClose(tasks));
        }
        while (batches.hasNext()) {
            ColumnarBatch batch = batches.next();
            int rows = batch.numRows();
            if (rows > 0) {
                copy(batch, rows);
                return true;
            }
        }
        return false;
    }

    private void copy(ColumnarBatch batch, int rows) {
        List<FieldVector> targets = root.getFieldVectors();
        for (int i = 0; i < targets.size(); i++) {
            FieldVector target = targets.get(i);
            target.setInitialCapacity(rows);
            target.allocateNew();
            ColumnVector column = batch.column(sourceColumns[i]);
            FieldVector plain = column.getFieldVector();
            FieldVector source = column.getArrowVector();
            try {
                copyValues(column, source, target, rows);
            } finally {
                if (source != plain) {
                    source.close();
                }
            }
        }
        root.setRowCount(rows);
    }

    private static void copyValues(ColumnVector column, FieldVector source, FieldVector target, int rows) {
        if (target instanceof DecimalVector decimal) {
            copyDecimals(column, source, decimal, rows);
        } else if (source instanceof FixedSizeBinaryVector uuids && target instanceof VarCharVector text) {
            copyUuids(uuids, text, rows);
        } else if (source.getMinorType() == target.getMinorType()) {
            for (int row = 0; row < rows; row++) {
                target.copyFromSafe(row, row, source);
            }
        } else if (source instanceof BaseFixedWidthVector from && target instanceof BaseFixedWidthVector to
                && from.getTypeWidth() == to.getTypeWidth()) {
            copyFixedWidth(from, to, rows);
        } else {
            throw new IllegalStateException("Cannot copy " + source.getMinorType() + " from Iceberg's Arrow reader into "
                    + target.getMinorType() + " for column " + target.getName());
        }
    }

    /**
     * Copies decimals, which the reader returns as Parquet stores them: unscaled ints or longs for
     * small precisions, bytes otherwise.
     */
    private static void copyDecimals(ColumnVector column, FieldVector source, DecimalVector target, int rows) {
        for (int row = 0; row < rows; row++) {
            if (source.isNull(row)) {
                target.setNull(row);
            } else if (source instanceof BigIntVector unscaled) {
                target.setSafe(row, unscaled.get(row));
            } else if (source instanceof IntVector unscaled) {
                target.setSafe(row, unscaled.get(row));
            } else {
                target.setSafe(row, column.getDecimal(row, target.getPrecision(), target.getScale()));
            }
        }
    }

    /** Copies UUIDs, which the reader returns as their 16 bytes, as their text. */
    private static void copyUuids(FixedSizeBinaryVector source, VarCharVector target, int rows) {
        for (int row = 0; row < rows; row++) {
            if (source.isNull(row)) {
                target.setNull(row);
            } else {
                ByteBuffer bytes = ByteBuffer.wrap(source.get(row));
                UUID uuid = new UUID(bytes.getLong(), bytes.getLong());
                target.setSafe(row, uuid.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Copies values of one width whose logical types differ only in metadata (such as a timestamp's zone). */
    private static void copyFixedWidth(BaseFixedWidthVector from, BaseFixedWidthVector to, int rows) {
        int width = from.getTypeWidth();
        while (to.getValueCapacity() < rows) {
            to.reAlloc();
        }
        for (int row = 0; row < rows; row++) {
            if (from.isNull(row)) {
                to.setNull(row);
            } else {
                to.getDataBuffer().setBytes((long) row * width, from.getDataBuffer(), (long) row * width, width);
                BitVectorHelper.setBit(to.getValidityBuffer(), row);
            }
        }
    }

    @Override
    public VectorSchemaRoot current() {
        return root;
    }

    @Override
    public void close() {
        try (root) {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
