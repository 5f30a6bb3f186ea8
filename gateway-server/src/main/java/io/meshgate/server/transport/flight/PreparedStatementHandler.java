package io.meshgate.server.transport.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.server.error.FlightErrorMapper;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;

/**
 * Prepared statements, the only kind Arrow's JDBC driver uses: create plans the query and answers
 * its result schema; GetFlightInfo and DoGet run it as often as asked; close forgets it.
 */
final class PreparedStatementHandler {
    private final StatementPlanner planner;
    private final OpenQueries openQueries;
    private final ResultStreamer streamer;

    PreparedStatementHandler(StatementPlanner planner, OpenQueries openQueries, ResultStreamer streamer) {
        this.planner = planner;
        this.openQueries = openQueries;
        this.streamer = streamer;
    }

    void create(Caller caller, ActionCreatePreparedStatementRequest request, StreamListener<Result> listener) {
        PlannedStatement statement = planner.plan(caller, request.getQuery());
        ByteString handle = openQueries.register(caller.principal(), statement);
        ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
                .setPreparedStatementHandle(handle)
                .setDatasetSchema(ByteString.copyFrom(statement.query().resultSchema().serializeAsMessage()))
                .build();
        listener.onNext(new Result(Any.pack(result).toByteArray()));
        listener.onCompleted();
    }

    void close(Principal caller, ActionClosePreparedStatementRequest request, StreamListener<Result> listener) {
        openQueries.close(caller, request.getPreparedStatementHandle());
        listener.onCompleted();
    }

    FlightInfo flightInfo(Principal caller, CommandPreparedStatementQuery command, FlightDescriptor descriptor) {
        PlannedStatement statement = openQueries.get(caller, command.getPreparedStatementHandle());
        return MetadataResults.flightInfo(command, descriptor, statement.query().resultSchema());
    }

    SchemaResult schema(Principal caller, CommandPreparedStatementQuery command) {
        return new SchemaResult(openQueries.get(caller, command.getPreparedStatementHandle()).query().resultSchema());
    }

    /** Runs the statement once more: each execution is a query of its own, with its own audit record. */
    void stream(Caller caller, CommandPreparedStatementQuery command, ServerStreamListener listener) {
        streamer.stream(caller, command.getPreparedStatementHandle(),
                openQueries.get(caller.principal(), command.getPreparedStatementHandle()), listener);
    }

    /** Parameter binding: accepted when there is nothing to bind, refused otherwise. */
    Runnable bindParameters(Principal caller, CommandPreparedStatementQuery command, FlightStream parameters,
            StreamListener<PutResult> ack) {
        openQueries.get(caller, command.getPreparedStatementHandle());
        return () -> {
            try {
                while (parameters.next()) {
                    if (parameters.getRoot().getRowCount() > 0 && !parameters.getRoot().getFieldVectors().isEmpty()) {
                        throw new MeshgateException(ErrorCode.NOT_SUPPORTED,
                                "Cannot bind parameters: Meshgate does not support query parameters yet (write the values into the SQL)");
                    }
                }
                ack.onCompleted();
            } catch (RuntimeException e) {
                ack.onError(FlightErrorMapper.toFlightException(e));
            }
        };
    }
}
