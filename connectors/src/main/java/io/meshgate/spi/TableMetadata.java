package io.meshgate.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a connector knows of one table at one snapshot: its identity, its columns as an Arrow
 * schema (in table order), how it is partitioned, and its properties.
 *
 * @param uuid       a stable identity that survives renames and changes when the table is re-created
 * @param snapshotId the snapshot a scan of this metadata reads; empty for a table with no data yet
 *                   or a source without snapshots
 * @param snapshotTimestampMillis when that snapshot was committed, in milliseconds since the epoch
 *                   (how fresh the data is); empty when there is no snapshot
 * @param rowCount   an estimate of the rows at that snapshot, for planning; empty when unknown
 * @param partitioning human-readable partition fields, such as {@code month(o_orderdate)}
 */
public record TableMetadata(
        SchemaTableName name,
        String uuid,
        OptionalLong snapshotId,
        OptionalLong snapshotTimestampMillis,
        OptionalLong rowCount,
        Schema schema,
        List<String> partitioning,
        Map<String, String> properties) {
    /** Arrow field metadata key holding a column's stable field id, when the source has one. */
    public static final String FIELD_ID = "meshgate.field-id";
    /** Arrow field metadata key holding a column's description (an Iceberg column's doc), when it has one. */
    public static final String COMMENT = "meshgate.comment";
    /**
     * Arrow field metadata key marking a top-level column as part of the table's identifier (its
     * natural primary key: Iceberg's identifier fields), with value {@code true}.
     */
    public static final String IDENTIFIER = "meshgate.identifier";
    /**
     * Arrow field metadata key holding a column's type as a source other than Iceberg declares it
     * ({@code character varying(20)}, {@code jsonb}), so that users can tell what a column that
     * arrives as text was.
     */
    public static final String SOURCE_TYPE = "meshgate.source-type";

    public TableMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(snapshotTimestampMillis, "snapshotTimestampMillis is null");
        if (snapshotTimestampMillis.isPresent() && snapshotId.isEmpty()) {
            throw new IllegalArgumentException("Cannot describe table " + name + ": a snapshot time needs a snapshot id");
        }
        requireNonNull(rowCount, "rowCount is null");
        requireNonNull(schema, "schema is null");
        partitioning = List.copyOf(requireNonNull(partitioning, "partitioning is null"));
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    /** The same table seen with only some of its columns (a principal's visible columns). */
    public TableMetadata withSchema(Schema newSchema) {
        return new TableMetadata(name, uuid, snapshotId, snapshotTimestampMillis, rowCount, newSchema, partitioning, properties);
    }

    /** A column's stable field id; columns of sources without ids are numbered from 1 in table order. */
    public int fieldId(int columnIndex) {
        String id = schema.getFields().get(columnIndex).getMetadata().get(FIELD_ID);
        return id == null ? columnIndex + 1 : Integer.parseInt(id);
    }
}
