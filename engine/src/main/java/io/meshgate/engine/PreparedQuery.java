package io.meshgate.engine;

import io.meshgate.spi.BatchStream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement parsed, validated and planned for one session. It can be executed any number of
 * times; each execution reads the tables at their snapshot when it starts.
 */
public interface PreparedQuery extends AutoCloseable {
    /** The Arrow schema of every batch that {@link #execute()} returns. */
    Schema resultSchema();

    /** The tables the statement reads, each with the access decision it was planned under. */
    java.util.List<RelationAccess> relations();

    /** Runs the statement; batches are produced as the caller reads them. */
    BatchStream execute();

    @Override
    void close();
}
