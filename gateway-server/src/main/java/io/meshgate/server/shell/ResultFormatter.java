package io.meshgate.server.shell;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one result as it streams in: {@link #start} once with its schema, {@link #batch} for each
 * record batch, {@link #finish} at the end. A formatter writes each batch before the next arrives,
 * except that aligned output holds back its first rows to size its columns.
 */
interface ResultFormatter {
    void start(Schema schema);

    void batch(VectorSchemaRoot batch);

    /** Writes what is held back and the footer, if the format has one. */
    void finish();
}
