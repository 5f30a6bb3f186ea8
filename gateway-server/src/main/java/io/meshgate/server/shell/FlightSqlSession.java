package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import io.meshgate.server.transport.flight.QueryWarnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One logged-in Flight SQL connection: runs statements and streams their results, answers the
 * listings of {@code \d}, and cancels the running statement when asked from another thread (the
 * Ctrl-C handler). Every endpoint of a result is read from this same connection, in order.
 */
final class FlightSqlSession implements AutoCloseable {
    static final String CANCELLED = "Query cancelled";

    private final BufferAllocator allocator;
    private final FlightClient client;
    private final FlightSqlClient sql;
    private final CallOption token;
    private final Object lock = new Object();
    private FlightInfo runningInfo;
    private FlightStream runningStream;
    private boolean cancelled;

    private FlightSqlSession(BufferAllocator allocator, FlightClient client, CallOption token) {
        this.allocator = allocator;
        this.client = client;
        this.sql = new FlightSqlClient(client);
        this.token = token;
    }

    /** Connects and logs in with user name and password, which the server trades for a bearer token. */
    static FlightSqlSession connect(ShellArguments.ServerAddress server, boolean tls, Optional<Path> trust, String user, String password) {
        requireNonNull(server, "server is null");
        requireNonNull(trust, "trust is null");
        BufferAllocator allocator = new RootAllocator();
        FlightClient client = null;
        try {
            Location location = tls ? Location.forGrpcTls(server.host(), server.port()) : Location.forGrpcInsecure(server.host(), server.port());
            FlightClient.Builder builder = FlightClient.builder(allocator, location);
            if (trust.isPresent()) {
                builder.trustedCertificates(new ByteArrayInputStream(Files.readAllBytes(trust.get())));
            }
            client = builder.build();
            CallOption token = client.authenticateBasicToken(user, password).orElseThrow(() ->
                    new ShellException("Cannot log in to " + server + " as " + user + ": the server sent no bearer token"));
            return new FlightSqlSession(allocator, client, token);
        } catch (IOException e) {
            closeQuietly(client, allocator);
            throw new ShellException("Cannot read --tls-trust " + trust.orElseThrow() + ": " + e.getMessage());
        } catch (FlightRuntimeException e) {
            closeQuietly(client, allocator);
            if (e.status().code() == FlightStatusCode.UNAVAILABLE) {
                throw new ShellException("Cannot connect to " + server + ": " + e.getMessage()
                        + " (is Meshgate running there? check --server, and --tls if the server uses TLS)");
            }
            throw new ShellException("Cannot log in to " + server + " as " + user + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(client, allocator);
            throw e;
        }
    }

    /**
     * Runs one statement and passes its result, batch by batch, to {@code formatter}; the warnings
     * the server sends with it go to {@code warnings} first.
     */
    void execute(String statement, ResultFormatter formatter, Consumer<String> warnings) {
        synchronized (lock) {
            cancelled = false;
        }
        try {
            FlightInfo info = sql.execute(statement, token);
            synchronized (lock) {
                runningInfo = info;
                if (cancelled) {
                    cancelOnServer(info);
                    throw new ShellException(CANCELLED);
                }
            }
            QueryWarnings.read(info.getAppMetadata()).forEach(warnings);
            stream(info, formatter::start, formatter::batch);
            formatter.finish();
        } catch (FlightRuntimeException e) {
            throw failure(e);
        } finally {
            synchronized (lock) {
                runningInfo = null;
            }
        }
    }

    /** The domains (Flight SQL catalogs). */
    List<String> domains() {
        return listing(() -> sql.getCatalogs(token), "catalog_name");
    }

    /** The schemas of a domain. */
    List<String> schemas(String domain) {
        return listing(() -> sql.getSchemas(domain, null, token), "db_schema_name");
    }

    /** One table of a schema as listed: its name, its type (TABLE, or LINK for a resource link) and its schema. */
    record ListedTable(String name, String type, Schema schema) {
    }

    /** The tables of a schema, with their types and schemas (a link's carries its status and, if shown, its target). */
    List<ListedTable> tables(String domain, String schema) {
        List<ListedTable> tables = new ArrayList<>();
        try {
            FlightInfo info = sql.getTables(domain, exactPattern(schema), null, null, true, token);
            stream(info, ignored -> { }, batch -> {
                VarBinaryVector serialized = (VarBinaryVector) batch.getVector("table_schema");
                for (int row = 0; row < batch.getRowCount(); row++) {
                    tables.add(new ListedTable(batch.getVector("table_name").getObject(row).toString(),
                            batch.getVector("table_type").getObject(row).toString(), Schema.deserializeMessage(ByteBuffer.wrap(serialized.get(row)))));
                }
            });
        } catch (FlightRuntimeException e) {
            throw failure(e);
        }
        return tables;
    }

    /** The columns of a table as the user sees them, if the table exists for them. */
    Optional<Schema> tableSchema(String domain, String schema, String table) {
        List<Schema> schemas = new ArrayList<>();
        try {
            FlightInfo info = sql.getTables(domain, exactPattern(schema), exactPattern(table), null, true, token);
            stream(info, ignored -> { }, batch -> {
                VarBinaryVector serialized = (VarBinaryVector) batch.getVector("table_schema");
                for (int row = 0; row < batch.getRowCount(); row++) {
                    if (table.equals(batch.getVector("table_name").getObject(row).toString())) {
                        schemas.add(Schema.deserializeMessage(ByteBuffer.wrap(serialized.get(row))));
                    }
                }
            });
        } catch (FlightRuntimeException e) {
            throw failure(e);
        }
        return schemas.stream().findFirst();
    }

    /**
     * Cancels the running statement, if any: asks the server to stop (CancelFlightInfo; a server
     * without it still sees the stream cancelled) and ends the stream being read, whose reader then
     * fails with {@value #CANCELLED}. Safe to call from any thread.
     */
    void cancelRunning() {
        FlightInfo info;
        FlightStream stream;
        synchronized (lock) {
            cancelled = true;
            info = runningInfo;
            stream = runningStream;
        }
        if (info != null) {
            cancelOnServer(info);
        }
        if (stream != null) {
            stream.cancel(CANCELLED, null);
        }
    }

    @Override
    public void close() {
        closeQuietly(client, allocator);
    }

    private void stream(FlightInfo info, Consumer<Schema> start, Consumer<VectorSchemaRoot> batches) {
        boolean started = false;
        if (info.getSchemaOptional().isPresent()) {
            start.accept(info.getSchema());
            started = true;
        }
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            try (FlightStream stream = sql.getStream(endpoint.getTicket(), token)) {
                synchronized (lock) {
                    if (cancelled) {
                        throw new ShellException(CANCELLED);
                    }
                    runningStream = stream;
                }
                if (!started) {
                    start.accept(stream.getSchema());
                    started = true;
                }
                while (stream.next()) {
                    batches.accept(stream.getRoot());
                }
            } catch (ShellException | FlightRuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ShellException("Cannot read the result: " + e.getMessage());
            } finally {
                synchronized (lock) {
                    runningStream = null;
                }
            }
        }
        if (!started) {
            start.accept(new Schema(List.of()));
        }
    }

    private List<String> listing(Supplier<FlightInfo> call, String column) {
        List<String> values = new ArrayList<>();
        try {
            stream(call.get(), schema -> { }, batch -> {
                FieldVector vector = batch.getVector(column);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    values.add(vector.getObject(row).toString());
                }
            });
        } catch (FlightRuntimeException e) {
            throw failure(e);
        }
        return values;
    }

    private RuntimeException failure(FlightRuntimeException e) {
        synchronized (lock) {
            if (cancelled) {
                return new ShellException(CANCELLED);
            }
        }
        return new ShellException(e.getMessage());
    }

    private void cancelOnServer(FlightInfo info) {
        try {
            sql.cancelFlightInfo(new CancelFlightInfoRequest(info), token);
        } catch (FlightRuntimeException e) {
            // A server without CancelFlightInfo (UNIMPLEMENTED) still stops when the stream is cancelled.
        }
    }

    /** A LIKE pattern matching exactly {@code name}. */
    static String exactPattern(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void closeQuietly(FlightClient client, BufferAllocator allocator) {
        try {
            AutoCloseables.close(client, allocator);
        } catch (Exception e) {
            // Closing at exit: nothing left to do about it.
        }
    }
}
