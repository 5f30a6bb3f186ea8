package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.BoundParameters;
import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.RelationAccess;
import io.meshgate.spi.BatchStream;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared statement with the parameter rows its client bound: {@link #execute()} runs it once per
 * row, in order, and concatenates the results (what ADBC expects of a batch of parameter rows).
 * Without parameters it runs the statement once; with parameters and no rows bound it fails as the
 * engine does. Closing it leaves the statement open: the client closes that.
 */
final class BoundStatementQuery implements PreparedQuery {
    private final PreparedQuery query;
    private final List<BoundParameters> rows;

    BoundStatementQuery(PreparedQuery query, List<BoundParameters> rows) {
        this.query = requireNonNull(query, "query is null");
        this.rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    @Override
    public Schema resultSchema() {
        return query.resultSchema();
    }

    @Override
    public Schema parameterSchema() {
        return query.parameterSchema();
    }

    @Override
    public List<RelationAccess> relations() {
        return query.relations();
    }

    @Override
    public List<String> warnings() {
        return query.warnings();
    }

    @Override
    public BatchStream execute(BoundParameters parameters) {
        return query.execute(parameters);
    }

    @Override
    public BatchStream execute() {
        if (rows.isEmpty()) {
            return query.execute();
        }
        if (rows.size() == 1) {
            return query.execute(rows.get(0));
        }
        return new Concatenated(query, rows.iterator());
    }

    @Override
    public void close() {
    }

    /**
     * One execution per row, each opened when the one before is read to its end and closed; a
     * cancel stops the execution running and every one after it.
     */
    private static final class Concatenated implements BatchStream {
        private final PreparedQuery query;
        private final Iterator<BoundParameters> rows;
        private volatile BatchStream current;
        private volatile boolean cancelled;

        Concatenated(PreparedQuery query, Iterator<BoundParameters> rows) {
            this.query = query;
            this.rows = rows;
            this.current = query.execute(rows.next());
        }

        @Override
        public void cancel() {
            cancelled = true;
            BatchStream running = current;
            if (running != null) {
                running.cancel();
            }
        }

        @Override
        public boolean next() {
            while (current != null) {
                if (current.next()) {
                    return true;
                }
                current.close();
                current = null;
                if (rows.hasNext()) {
                    current = query.execute(rows.next());
                    if (cancelled) {
                        current.cancel();
                    }
                }
            }
            return false;
        }

        @Override
        public VectorSchemaRoot current() {
            if (current == null) {
                throw new IllegalStateException("Cannot read a batch: the result has ended");
            }
            return current.current();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
