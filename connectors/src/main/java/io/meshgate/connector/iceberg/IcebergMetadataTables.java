package io.meshgate.connector.iceberg;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataTableType;
import org.apache.iceberg.MetadataTableUtils;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.data.GenericDataUtil;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Iceberg's metadata tables as the connector offers them ({@code orders$snapshots},
 * {@code $history}, {@code $files}, {@code $partitions}), each with the columns a user needs.
 * Nested values are shown as text: a partition as {@code o_orderdate_month=2024-01} (fields joined
 * by {@code /}), a snapshot summary as {@code {key=value, ...}} sorted by key. Files and partitions
 * are read at the described snapshot; snapshots and history list the table's whole log.
 */
final class IcebergMetadataTables {
    /** The kinds offered, with Iceberg's table type and the columns shown, in order. */
    private enum Kind {
        SNAPSHOTS(MetadataTableType.SNAPSHOTS, false,
                "committed_at", "snapshot_id", "parent_id", "operation", "manifest_list", "summary"),
        HISTORY(MetadataTableType.HISTORY, false, "made_current_at", "snapshot_id", "parent_id", "is_current_ancestor"),
        FILES(MetadataTableType.FILES, true, "content", "file_path", "file_format", "partition", "record_count", "file_size_in_bytes"),
        PARTITIONS(MetadataTableType.PARTITIONS, true, "partition", "record_count", "file_count");

        private final MetadataTableType type;
        private final boolean atSnapshot;
        private final List<String> columns;

        Kind(MetadataTableType type, boolean atSnapshot, String... columns) {
            this.type = type;
            this.atSnapshot = atSnapshot;
            this.columns = List.of(columns);
        }

        static Optional<Kind> of(String name) {
            return Arrays.stream(values()).filter(k -> k.kindName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
        }

        String kindName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private IcebergMetadataTables() {
    }

    /** The metadata table {@code kind} of {@code table}, named {@code name$kind}; empty for a kind not offered. */
    static Optional<TableMetadata> describe(SchemaTableName name, Table table, String kind) {
        return Kind.of(kind).map(k -> {
            SchemaTableName metadataName = new SchemaTableName(name.schema(), new MetadataTableName(name.table(), k.kindName()).toString());
            Snapshot current = table.currentSnapshot();
            OptionalLong snapshotId = current == null ? OptionalLong.empty() : OptionalLong.of(current.snapshotId());
            OptionalLong committed = current == null ? OptionalLong.empty() : OptionalLong.of(current.timestampMillis());
            Schema shown = shownSchema(MetadataTableUtils.createMetadataTableInstance(table, k.type), k);
            return new TableMetadata(metadataName, table.uuid().toString(), snapshotId, committed, OptionalLong.empty(), IcebergSchemas.toArrow(shown),
                    List.of(), Map.of());
        });
    }

    /** Reads the metadata table {@code kind} of {@code table} as {@code metadata} (from {@link #describe}) describes it. */
    static BatchStream open(Table table, String kind, TableMetadata metadata, ScanSpec spec, BufferAllocator allocator) {
        Kind k = Kind.of(kind).orElseThrow(() -> new MeshgateException(ErrorCode.TABLE_NOT_FOUND,
                "Cannot scan " + metadata.name() + ": Iceberg tables have no metadata table '" + kind + "'"));
        org.apache.arrow.vector.types.pojo.Schema arrowSchema = IcebergScans.project(metadata, spec);
        CloseableIterable<Record> records = metadata.snapshotId().isEmpty() ? CloseableIterable.empty()
                : records(table, k, metadata.snapshotId().getAsLong());
        BatchStream stream = new GenericBatchStream(records, VectorSchemaRoot.create(arrowSchema, allocator), IcebergScans.BATCH_SIZE);
        return spec.limit().isPresent() ? new LimitedBatchStream(stream, spec.limit().getAsLong()) : stream;
    }

    /** The kind's columns that the table has (an unpartitioned table's have no partition), nested ones as text. */
    private static Schema shownSchema(Table metadataTable, Kind kind) {
        List<Types.NestedField> fields = new ArrayList<>();
        for (String column : kind.columns) {
            Types.NestedField field = metadataTable.schema().asStruct().field(column);
            if (field != null) {
                fields.add(field.type().isNestedType() ? Types.NestedField.of(field.fieldId(), field.isOptional(), column, Types.StringType.get()) : field);
            }
        }
        return new Schema(fields);
    }

    /** The rows of the metadata table as records of its shown schema, values in generic form. */
    private static CloseableIterable<Record> records(Table table, Kind kind, long snapshotId) {
        Table metadataTable = MetadataTableUtils.createMetadataTableInstance(table, kind.type);
        Schema shown = shownSchema(metadataTable, kind);
        List<String> names = shown.columns().stream().map(Types.NestedField::name).toList();
        TableScan selected = metadataTable.newScan().select(names);
        TableScan scan = kind.atSnapshot ? selected.useSnapshot(snapshotId) : selected;
        List<Types.NestedField> read = scan.schema().columns();
        List<String> readNames = read.stream().map(Types.NestedField::name).toList();
        int[] positions = names.stream().mapToInt(readNames::indexOf).toArray();
        List<CloseableIterable<StructLike>> rows = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            tasks.forEach(task -> rows.add(task.asDataTask().rows()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CloseableIterable.transform(CloseableIterable.concat(rows), row -> {
            Record record = GenericRecord.create(shown);
            for (int i = 0; i < positions.length; i++) {
                Types.NestedField source = read.get(positions[i]);
                record.set(i, value(table, source.type(), row.get(positions[i], Object.class)));
            }
            return record;
        });
    }

    private static Object value(Table table, Type type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.typeId()) {
            case STRUCT -> partitionText(table, type.asStructType(), (StructLike) value);
            case MAP -> mapText((Map<?, ?>) value);
            default -> GenericDataUtil.internalToGeneric(type, value);
        };
    }

    private static String mapText(Map<?, ?> map) {
        Map<String, String> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), String.valueOf(value)));
        return sorted.toString();
    }

    /** {@code field=value} per partition field, values as Iceberg shows them in paths ({@code 2024-01} for a month). */
    private static String partitionText(Table table, Types.StructType type, StructLike partition) {
        StringJoiner text = new StringJoiner("/");
        for (int i = 0; i < type.fields().size(); i++) {
            Types.NestedField field = type.fields().get(i);
            Object value = partition.get(i, Object.class);
            text.add(field.name() + "=" + transformOf(table, field.fieldId()).map(t -> t.toHumanString(field.type(), value)).orElse(String.valueOf(value)));
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Transform<Object, Object>> transformOf(Table table, int partitionFieldId) {
        return table.specs().values().stream()
                .flatMap(spec -> spec.fields().stream())
                .filter(field -> field.fieldId() == partitionFieldId)
                .findFirst()
                .map(PartitionField::transform)
                .map(transform -> (Transform<Object, Object>) transform);
    }
}
