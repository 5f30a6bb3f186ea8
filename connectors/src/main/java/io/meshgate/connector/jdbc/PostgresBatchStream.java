package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.postgresql.PGConnection;

/**
 * Streams one {@link PostgresQuery} into Arrow batches. On the first {@link #next()} it borrows a
 * connection, opens a read-only transaction (autocommit off, so that the driver fetches
 * {@code batchSize} rows at a time through a cursor instead of the whole result), runs the query
 * and checks that the relation it read is still the one the scan was planned on; each batch then
 * takes the next rows. {@link #close()} ends the transaction and gives the connection back.
 *
 * <p>{@link #cancel()} sends PostgreSQL a cancel request for the connection's running statement,
 * whether it is executing or fetching the next rows ({@link PGConnection#cancelQuery()}; the JDBC
 * {@code Statement.cancel()} ignores a statement between fetches); a connection that was sent a
 * cancel is closed rather than pooled, so that a late cancel cannot hit another query.
 */
final class PostgresBatchStream implements BatchStream {
    private final PostgresPool pool;
    private final PostgresQuery query;
    private final RelationCheck check;
    private final VectorSchemaRoot root;
    private final int batchSize;
    private final String table;
    private final SourceErrors errors;
    /** Orders {@link #cancel()} against {@link #close()}, so that no cancel reaches a connection given back. */
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private ResultSetColumns.ColumnWriter[] writers;
    private long rowsToCount;
    private boolean done;

    /** Checks, inside the scan's transaction and after its query ran, that the table is still the one described. */
    interface RelationCheck {
        void verify(Connection connection) throws SQLException;
    }

    PostgresBatchStream(PostgresPool pool, PostgresQuery query, RelationCheck check, VectorSchemaRoot root, int batchSize, String table,
            SourceErrors errors) {
        this.pool = requireNonNull(pool, "pool is null");
        this.query = requireNonNull(query, "query is null");
        this.check = requireNonNull(check, "check is null");
        this.root = requireNonNull(root, "root is null");
        this.table = requireNonNull(table, "table is null");
        this.errors = requireNonNull(errors, "errors is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("Cannot stream batches of " + batchSize + " rows: use 1 or more");
        }
        this.batchSize = batchSize;
    }

    @Override
    public boolean next() {
        checkNotCancelled();
        if (done) {
            return false;
        }
        try {
            if (rows == null) {
                open();
            }
            int count = query.countsRows() ? countedBatch() : readBatch();
            root.setRowCount(count);
            if (count == 0) {
                done = true;
            }
            return count > 0;
        } catch (SQLException e) {
            done = true;
            checkNotCancelled();
            throw errors.translate("read table " + table + " from", e);
        } catch (RuntimeException e) {
            done = true;
            checkNotCancelled();
            throw errors.translate("read table " + table + " from", e);
        }
    }

    private void open() throws SQLException {
        Connection borrowed = pool.connection();
        synchronized (lock) {
            connection = borrowed;
        }
        borrowed.setAutoCommit(false);
        statement = borrowed.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(batchSize);
        for (int i = 0; i < query.parameters().size(); i++) {
            statement.setObject(i + 1, query.parameters().get(i));
        }
        checkNotCancelled();
        rows = statement.executeQuery();
        check.verify(borrowed);
        if (query.countsRows()) {
            rows.next();
            rowsToCount = rows.getLong(1);
        } else {
            writers = ResultSetColumns.writers(root.getFieldVectors(), table);
        }
    }

    private int readBatch() throws SQLException {
        root.allocateNew();
        int count = 0;
        while (count < batchSize && rows.next()) {
            for (int i = 0; i < writers.length; i++) {
                writers[i].write(rows, count);
            }
            count++;
        }
        return count;
    }

    /** A batch of no columns: only its row count, taken from what PostgreSQL counted. */
    private int countedBatch() {
        int count = (int) Math.min(batchSize, rowsToCount);
        rowsToCount -= count;
        return count;
    }

    @Override
    public VectorSchemaRoot current() {
        return root;
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (connection != null) {
                try {
                    connection.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException e) {
                    // The connection is broken: the statement on it has stopped already.
                }
            }
        }
    }

    private void checkNotCancelled() {
        if (cancelled) {
            throw new MeshgateException(ErrorCode.QUERY_CANCELLED, "Query cancelled while reading PostgreSQL table " + table);
        }
    }

    @Override
    public void close() {
        try (root) {
            Connection borrowed;
            boolean wasCancelled;
            synchronized (lock) {
                borrowed = connection;
                connection = null;
                wasCancelled = cancelled;
            }
            if (borrowed != null) {
                closeQuietly(rows);
                closeQuietly(statement);
                pool.release(borrowed, wasCancelled);
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // The transaction is rolled back and the connection released next; nothing else holds this resource.
            }
        }
    }
}
