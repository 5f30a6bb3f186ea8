package io.meshgate.engine.meta;

import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A read-only table of the mesh's own metadata in {@code mesh.meta}, whose rows are computed for
 * the principal who queries it, when the query runs. Implementations show only what the
 * principal's {@link MetaContext#view()} shows: a table it may not DESCRIBE, or a column it may not
 * see, gives no row and changes no value (R2), so not even a count reveals it.
 *
 * <p>Add one to {@link SystemTables} to make it queryable and listed.
 */
public interface SystemTable {
    /** Its name in {@code mesh.meta}, a lower-case identifier. */
    String name();

    /**
     * Its columns in order. Types: Utf8 (VARCHAR), Int 64 (BIGINT), Int 32 (INTEGER), Bool
     * (BOOLEAN), Date DAY (DATE), Timestamp without zone (TIMESTAMP); a column that is never null
     * may say so.
     */
    Schema schema();

    /**
     * Its rows as {@code context}'s principal sees the mesh: each row one value per column, in
     * order, as String, Long, Integer, Boolean, LocalDate or Instant (TIMESTAMP, read as UTC), or
     * null. The stream is read lazily and closed when the query is done with it.
     */
    Stream<Object[]> rows(MetaContext context);
}
