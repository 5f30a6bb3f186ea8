package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link Connector} over one PostgreSQL database, a domain whose data stays in PostgreSQL: its
 * schemas are the connector's namespaces, its tables, views, materialized views and foreign
 * tables its tables ({@link PostgresCatalog}), with column types mapped as {@link PostgresTypes}
 * says. A scan sends PostgreSQL one statement ({@link PostgresQuery}) holding the scan's columns,
 * the part of its predicate PostgreSQL decides exactly as the engine does, as parameters
 * ({@link PostgresPredicates}), and its limit, and streams the answer in batches of
 * {@value #BATCH_SIZE} rows. Tables have no snapshots: a scan reads the table as it is when the
 * scan starts, after checking that it is still the table it was described as.
 *
 * <p>Failures of the database are {@code EXTERNAL_ERROR}s naming the domain and the database
 * ({@link SourceErrors}); a scan that waits longer than the connection timeout for one of the
 * pool's connections fails with {@code RESOURCES_EXHAUSTED}.
 */
public final class PostgresConnector implements Connector {
    /** Rows per batch, and per fetch from PostgreSQL. */
    static final int BATCH_SIZE = 4096;

    private final PostgresPool pool;
    private final PostgresCatalog catalog;
    private final SourceErrors errors;

    private PostgresConnector(PostgresPool pool, PostgresCatalog catalog, SourceErrors errors) {
        this.pool = requireNonNull(pool, "pool is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    /**
     * Opens a pool of connections to the database of {@code spec}, serving domain {@code domain};
     * a database that cannot be reached or logged into fails with {@code EXTERNAL_ERROR}.
     */
    public static PostgresConnector open(String domain, PostgresSpec spec) {
        requireNonNull(domain, "domain is null");
        requireNonNull(spec, "spec is null");
        SourceErrors errors = new SourceErrors(domain, spec.describe(), spec.poolSize());
        PostgresPool pool;
        try {
            pool = PostgresPool.open(domain, spec);
        } catch (RuntimeException e) {
            throw errors.translate("connect to", e);
        }
        try {
            Connection connection = pool.connection();
            try {
                return new PostgresConnector(pool, new PostgresCatalog(PostgresCatalog.identity(connection, spec.describe())), errors);
            } finally {
                pool.release(connection, false);
            }
        } catch (SQLException e) {
            pool.close();
            throw errors.translate("identify", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public List<String> schemaNames() {
        return withConnection("list the schemas of", PostgresCatalog::schemaNames);
    }

    @Override
    public List<String> tableNames(String schema) {
        requireNonNull(schema, "schema is null");
        return withConnection("list the tables of schema " + schema + " in", connection -> PostgresCatalog.tableNames(connection, schema));
    }

    @Override
    public Optional<TableMetadata> table(SchemaTableName name) {
        requireNonNull(name, "name is null");
        return withConnection("describe table " + name + " in", connection -> catalog.describe(connection, name));
    }

    /**
     * Reads {@code spec}'s columns of the table as it is when the first batch is asked for; fails
     * with {@code EXTERNAL_ERROR} when the table was re-created or its scanned columns changed
     * since {@code table} was described, and with {@code TABLE_NOT_FOUND} when it was dropped.
     */
    @Override
    public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator allocator) {
        requireNonNull(table, "table is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(allocator, "allocator is null");
        VectorSchemaRoot root = VectorSchemaRoot.create(project(table, spec), allocator);
        if (spec.limit().isPresent() && spec.limit().getAsLong() == 0) {
            return new EmptyStream(root);
        }
        return new PostgresBatchStream(pool, PostgresQuery.of(table, spec),
                connection -> catalog.verify(connection, table, spec.columns(), errors), root, BATCH_SIZE, table.name().toString(), errors);
    }

    /** The Arrow schema of what a scan of {@code spec} returns. */
    private static Schema project(TableMetadata table, ScanSpec spec) {
        List<Field> fields = new ArrayList<>();
        for (String column : spec.columns()) {
            fields.add(table.schema().getFields().stream().filter(f -> f.getName().equals(column)).findFirst()
                    .orElseThrow(() -> new MeshgateException(ErrorCode.COLUMN_NOT_FOUND, "Cannot scan " + table.name() + ": no column " + column)));
        }
        return new Schema(fields);
    }

    private <T> T withConnection(String action, Query<T> query) {
        try {
            Connection connection = pool.connection();
            try {
                return query.run(connection);
            } finally {
                pool.release(connection, false);
            }
        } catch (SQLException e) {
            throw errors.translate(action, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The answer to a scan limited to no rows, which needs no connection. */
    private record EmptyStream(VectorSchemaRoot root) implements BatchStream {
        @Override
        public boolean next() {
            return false;
        }

        @Override
        public VectorSchemaRoot current() {
            return root;
        }

        @Override
        public void close() {
            root.close();
        }
    }
}
