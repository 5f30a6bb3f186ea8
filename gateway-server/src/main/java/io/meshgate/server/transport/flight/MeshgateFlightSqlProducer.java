package io.meshgate.server.transport.flight;

import io.meshgate.engine.meta.SystemTables;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.audit.QueryRecorder;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.error.FlightErrorMapper;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The Flight SQL protocol, routed: each command goes to its handler, and every failure goes
 * through {@link FlightErrorMapper} on its way out. Listings walk the mesh as the caller sees it.
 * Meshgate is read-only: updates are refused.
 */
final class MeshgateFlightSqlProducer implements FlightSqlProducer {
    private static final Duration OPEN_QUERY_IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final CallSessions sessions;
    private final SessionOptions sessionOptions;
    private final CatalogViews catalogViews;
    private final SystemTables systemTables;
    private final OpenQueries openQueries;
    private final RunningQueries running;
    private final CancelHandler cancels;
    private final MetadataResults results;
    private final StatementHandler statements;
    private final PreparedStatementHandler preparedStatements;
    private final CatalogsHandler catalogs;
    private final SchemasHandler schemas;
    private final TablesHandler tables;
    private final TableTypesHandler tableTypes;
    private final SqlInfoHandler sqlInfo;
    private final TypeInfoHandler typeInfo;
    private final KeysHandler keys;

    MeshgateFlightSqlProducer(QueryPreparer preparer, CatalogViews catalogViews, SystemTables systemTables, QueryRecorder recorder,
            UserDirectory users, BufferAllocator allocator, Duration queryTimeout) {
        this.sessionOptions = new SessionOptions(catalogViews);
        this.sessions = new CallSessions(users, sessionOptions);
        this.catalogViews = catalogViews;
        this.systemTables = systemTables;
        this.openQueries = new OpenQueries(OPEN_QUERY_IDLE_TIMEOUT);
        this.results = new MetadataResults(allocator);
        this.running = new RunningQueries();
        this.cancels = new CancelHandler(running, openQueries);
        ResultStreamer streamer = new ResultStreamer(allocator, recorder, running, queryTimeout);
        StatementPlanner planner = new StatementPlanner(preparer, recorder);
        this.statements = new StatementHandler(planner, openQueries, streamer);
        this.preparedStatements = new PreparedStatementHandler(planner, openQueries, streamer);
        this.catalogs = new CatalogsHandler(results);
        this.schemas = new SchemasHandler(results);
        this.tables = new TablesHandler(results);
        this.tableTypes = new TableTypesHandler(results);
        this.sqlInfo = new SqlInfoHandler(results);
        this.typeInfo = new TypeInfoHandler(results);
        this.keys = new KeysHandler(results);
    }

    // Statements and prepared statements

    @Override
    public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return call(() -> statements.flightInfo(sessions.caller(context), command, descriptor));
    }

    @Override
    public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return call(() -> statements.schema(sessions.caller(context), command));
    }

    @Override
    public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> statements.stream(sessions.caller(context), ticket, listener));
    }

    @Override
    public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        action(listener, () -> preparedStatements.create(sessions.caller(context), request, listener));
    }

    @Override
    public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        action(listener, () -> preparedStatements.close(sessions.principal(context), request, listener));
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return call(() -> preparedStatements.flightInfo(sessions.principal(context), command, descriptor));
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return call(() -> preparedStatements.schema(sessions.principal(context), command));
    }

    @Override
    public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> preparedStatements.stream(sessions.caller(context), command, listener));
    }

    @Override
    public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context, StreamListener<CancelStatus> listener) {
        action(listener, () -> cancels.cancel(sessions.principal(context), request, listener));
    }

    @Override
    public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return call(() -> preparedStatements.bindParameters(sessions.principal(context), command, flightStream, ackStream));
    }

    @Override
    public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream flightStream,
            StreamListener<PutResult> ackStream) {
        throw readOnly();
    }

    @Override
    public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        throw readOnly();
    }

    // Session options: the current catalog and schema

    @Override
    public void setSessionOptions(SetSessionOptionsRequest request, CallContext context, StreamListener<SetSessionOptionsResult> listener) {
        reply(listener, () -> sessionOptions.set(context, sessions.principal(context), request.getSessionOptions()));
    }

    @Override
    public void getSessionOptions(GetSessionOptionsRequest request, CallContext context, StreamListener<GetSessionOptionsResult> listener) {
        reply(listener, () -> sessionOptions.get(context, sessions.principal(context)));
    }

    @Override
    public void closeSession(CloseSessionRequest request, CallContext context, StreamListener<CloseSessionResult> listener) {
        reply(listener, () -> sessionOptions.close(context, sessions.principal(context)));
    }

    // Listings

    @Override
    public FlightInfo getFlightInfoSqlInfo(CommandGetSqlInfo request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
    }

    @Override
    public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> sqlInfo.stream(command, listener));
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(CommandGetXdbcTypeInfo request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_TYPE_INFO_SCHEMA);
    }

    @Override
    public void getStreamTypeInfo(CommandGetXdbcTypeInfo request, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> typeInfo.stream(request, listener));
    }

    @Override
    public FlightInfo getFlightInfoCatalogs(CommandGetCatalogs request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_CATALOGS_SCHEMA);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        stream(listener, () -> catalogs.stream(objects(context), listener));
    }

    @Override
    public FlightInfo getFlightInfoSchemas(CommandGetDbSchemas request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
    }

    @Override
    public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> schemas.stream(objects(context), command, listener));
    }

    @Override
    public FlightInfo getFlightInfoTables(CommandGetTables request, CallContext context, FlightDescriptor descriptor) {
        return tables.flightInfo(request, descriptor);
    }

    @Override
    public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> tables.stream(objects(context), command, listener));
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(CommandGetTableTypes request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        stream(listener, () -> tableTypes.stream(listener));
    }

    // Keys: primary keys are tables' identifier fields; the mesh declares no foreign keys (empty answers, with the schemas the protocol fixes).

    @Override
    public FlightInfo getFlightInfoPrimaryKeys(CommandGetPrimaryKeys request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_PRIMARY_KEYS_SCHEMA);
    }

    @Override
    public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> keys.streamPrimaryKeys(objects(context), command, listener));
    }

    @Override
    public FlightInfo getFlightInfoExportedKeys(CommandGetExportedKeys request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_EXPORTED_KEYS_SCHEMA);
    }

    @Override
    public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> results.sendEmpty(Schemas.GET_EXPORTED_KEYS_SCHEMA, listener));
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(CommandGetImportedKeys request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_IMPORTED_KEYS_SCHEMA);
    }

    @Override
    public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> results.sendEmpty(Schemas.GET_IMPORTED_KEYS_SCHEMA, listener));
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(CommandGetCrossReference request, CallContext context, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(request, descriptor, Schemas.GET_CROSS_REFERENCE_SCHEMA);
    }

    @Override
    public void getStreamCrossReference(CommandGetCrossReference command, CallContext context, ServerStreamListener listener) {
        stream(listener, () -> results.sendEmpty(Schemas.GET_CROSS_REFERENCE_SCHEMA, listener));
    }

    @Override
    public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
        listener.onError(CallStatus.UNIMPLEMENTED.withDescription("ListFlights is not supported; use Flight SQL commands").toRuntimeException());
    }

    /** How many queries are streaming results right now. */
    int runningQueries() {
        return running.count();
    }

    @Override
    public void close() {
        running.close();
        openQueries.close();
    }

    /** The mesh as the call's principal sees it. */
    private MeshObjects objects(CallContext context) {
        return new MeshObjects(catalogViews.view(sessions.principal(context)), systemTables);
    }

    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw FlightErrorMapper.toFlightException(e);
        }
    }

    private static void stream(ServerStreamListener listener, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            listener.error(FlightErrorMapper.toFlightException(e));
        }
    }

    private static void action(StreamListener<?> listener, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            listener.onError(FlightErrorMapper.toFlightException(e));
        }
    }

    private static <T> void reply(StreamListener<T> listener, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            listener.onError(FlightErrorMapper.toFlightException(e));
            return;
        }
        listener.onNext(result);
        listener.onCompleted();
    }

    private static RuntimeException readOnly() {
        return FlightErrorMapper.toFlightException(new MeshgateException(ErrorCode.NOT_SUPPORTED,
                "Cannot change data: Meshgate is read-only (run SELECT queries)"));
    }
}
