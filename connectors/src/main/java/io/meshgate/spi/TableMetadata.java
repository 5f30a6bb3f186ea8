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
 * @param rowCount   an estimate of the rows at that snapshot, for planning; empty when unknown
 * @param partitioning human-readable partition fields, such as {@code month(o_orderdate)}
 */
public record TableMetadata(
        SchemaTableName name,
        String uuid,
        OptionalLong snapshotId,
        OptionalLong rowCount,
        Schema schema,
        List<String> partitioning,
        Map<String, String> properties) {
    public TableMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(rowCount, "rowCount is null");
        requireNonNull(schema, "schema is null");
        partitioning = List.copyOf(requireNonNull(partitioning, "partitioning is null"));
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }
}
