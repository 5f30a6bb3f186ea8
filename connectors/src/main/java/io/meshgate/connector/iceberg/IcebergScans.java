package io.meshgate.connector.iceberg;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.TableMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.CombinedScanTask;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Type.TypeID;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Turns a {@link ScanSpec} into an Iceberg scan pinned to the described snapshot, and chooses the
 * reader: Iceberg's vectorized Arrow reader when every file is Parquet without delete files and
 * every read column has a type it reads correctly; otherwise Iceberg's generic records, written into Arrow
 * vectors (this also serves scans that return only a row count, and struct, list, map and fixed
 * columns, which the vectorized reader does not read).
 */
final class IcebergScans {
    static final int BATCH_SIZE = 4096;

    private static final Set<TypeID> VECTORIZED_TYPES = EnumSet.of(TypeID.BOOLEAN, TypeID.INTEGER, TypeID.LONG,
            TypeID.FLOAT, TypeID.DOUBLE, TypeID.DECIMAL, TypeID.DATE, TypeID.TIME, TypeID.TIMESTAMP, TypeID.STRING,
            TypeID.UUID, TypeID.BINARY);

    private IcebergScans() {
    }

    static BatchStream open(Table table, TableMetadata metadata, ScanSpec spec, BufferAllocator allocator) {
        org.apache.arrow.vector.types.pojo.Schema arrowSchema = project(metadata, spec);
        if (metadata.snapshotId().isEmpty() || (spec.limit().isPresent() && spec.limit().getAsLong() == 0)) {
            return new GenericBatchStream(CloseableIterable.empty(), VectorSchemaRoot.create(arrowSchema, allocator), BATCH_SIZE);
        }
        long snapshotId = metadata.snapshotId().getAsLong();
        Expression filter = filter(table, snapshotId, spec);
        TableScan scan = table.newScan().useSnapshot(snapshotId).select(spec.columns()).filter(filter);
        List<CombinedScanTask> tasks = plan(scan);
        BatchStream stream;
        if (vectorizable(scan, tasks, spec)) {
            int[] sourceColumns = sourceColumns(scan.schema(), spec.columns());
            stream = new VectorizedBatchStream(scan, tasks, BATCH_SIZE, VectorSchemaRoot.create(arrowSchema, allocator), sourceColumns);
        } else {
            CloseableIterable<Record> records = IcebergGenerics.read(table)
                    .useSnapshot(snapshotId)
                    .select(spec.columns().toArray(String[]::new))
                    .where(filter)
                    .build();
            stream = new GenericBatchStream(records, VectorSchemaRoot.create(arrowSchema, allocator), BATCH_SIZE);
        }
        return spec.limit().isPresent() ? new LimitedBatchStream(stream, spec.limit().getAsLong()) : stream;
    }

    /** Whether a scan of {@code spec} uses Iceberg's vectorized Arrow reader. */
    static boolean readsVectorized(Table table, TableMetadata metadata, ScanSpec spec) {
        if (metadata.snapshotId().isEmpty()) {
            return false;
        }
        long snapshotId = metadata.snapshotId().getAsLong();
        TableScan scan = table.newScan().useSnapshot(snapshotId).select(spec.columns()).filter(filter(table, snapshotId, spec));
        return vectorizable(scan, plan(scan), spec);
    }

    /** How many data files a scan of {@code spec} reads after partition and file pruning. */
    static int plannedFileCount(Table table, TableMetadata metadata, ScanSpec spec) {
        if (metadata.snapshotId().isEmpty()) {
            return 0;
        }
        long snapshotId = metadata.snapshotId().getAsLong();
        TableScan scan = table.newScan().useSnapshot(snapshotId).select(spec.columns()).filter(filter(table, snapshotId, spec));
        int files = 0;
        try (CloseableIterable<FileScanTask> planned = scan.planFiles()) {
            for (FileScanTask ignored : planned) {
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Expression filter(Table table, long snapshotId, ScanSpec spec) {
        Schema schema = SnapshotUtil.schemaFor(table, snapshotId);
        return spec.filter().flatMap(p -> IcebergPredicates.toExpression(p, schema)).orElse(Expressions.alwaysTrue());
    }

    /** The Arrow schema of what a scan of {@code spec} returns. */
    static org.apache.arrow.vector.types.pojo.Schema project(TableMetadata metadata, ScanSpec spec) {
        List<Field> fields = new ArrayList<>();
        for (String column : spec.columns()) {
            Field field = metadata.schema().getFields().stream()
                    .filter(f -> f.getName().equals(column))
                    .findFirst()
                    .orElseThrow(() -> new MeshgateException(ErrorCode.COLUMN_NOT_FOUND,
                            "Cannot scan " + metadata.name() + ": no column " + column));
            fields.add(field);
        }
        return new org.apache.arrow.vector.types.pojo.Schema(fields);
    }

    private static List<CombinedScanTask> plan(TableScan scan) {
        List<CombinedScanTask> tasks = new ArrayList<>();
        try (CloseableIterable<CombinedScanTask> planned = scan.planTasks()) {
            planned.forEach(tasks::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }

    private static boolean vectorizable(TableScan scan, List<CombinedScanTask> tasks, ScanSpec spec) {
        if (spec.columns().isEmpty()) {
            return false;
        }
        for (Types.NestedField column : scan.schema().columns()) {
            if (!VECTORIZED_TYPES.contains(column.type().typeId()) || isWideDecimal(column.type())) {
                return false;
            }
        }
        for (CombinedScanTask task : tasks) {
            for (FileScanTask file : task.files()) {
                if (file.file().format() != FileFormat.PARQUET || !file.deletes().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Decimals wider than 18 digits are stored as fixed-length bytes, which Iceberg's Arrow reader
     * (1.11.0) decodes wrongly (only eight of the bytes); the generic reader reads them right.
     */
    private static boolean isWideDecimal(Type type) {
        return type instanceof Types.DecimalType decimal && decimal.precision() > 18;
    }

    private static int[] sourceColumns(Schema scanSchema, List<String> columns) {
        List<String> names = scanSchema.columns().stream().map(Types.NestedField::name).toList();
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = names.indexOf(columns.get(i));
            if (positions[i] < 0) {
                throw new IllegalStateException("Cannot find column " + columns.get(i) + " in the scan's schema " + names);
            }
        }
        return positions;
    }
}
