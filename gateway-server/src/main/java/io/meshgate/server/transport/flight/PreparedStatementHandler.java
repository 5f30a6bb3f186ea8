package io.meshgate.server.transport.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.meshgate.engine.BoundParameters;
import io.meshgate.engine.PreparedQuery;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.server.error.FlightErrorMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Prepared statements, the only kind Arrow's JDBC driver uses: create plans the query and answers
 * its result and parameter schemas; DoPut binds parameter rows; GetFlightInfo and DoGet run it, with
 * the rows last bound, as often as asked; close forgets it.
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
                .setParameterSchema(ByteString.copyFrom(statement.query().parameterSchema().serializeAsMessage()))
                .build();
        listener.onNext(new Result(Any.pack(result).toByteArray()));
        listener.onCompleted();
    }

    void close(Principal caller, ActionClosePreparedStatementRequest request, StreamListener<Result> listener) {
        openQueries.close(caller, request.getPreparedStatementHandle());
        listener.onCompleted();
    }

    /**
     * The flight info of one more run, with the warnings that run will carry ({@link QueryWarnings}).
     * It does not fail when the run will (a product retired, or the policy changed the result's
     * columns, since the statement was prepared): the run reports that, because Arrow's JDBC driver
     * turns a failed run into an SQLException but lets a failed GetFlightInfo escape as a
     * FlightRuntimeException.
     */
    FlightInfo flightInfo(Principal caller, CommandPreparedStatementQuery command, FlightDescriptor descriptor) {
        PlannedStatement statement = openQueries.get(caller, command.getPreparedStatementHandle());
        List<String> warnings;
        try {
            warnings = statement.query().warnings();
        } catch (MeshgateException e) {
            warnings = List.of();
        }
        return QueryWarnings.flightInfo(statement.query().resultSchema(), descriptor, new FlightEndpoint(new Ticket(Any.pack(command).toByteArray())),
                warnings);
    }

    SchemaResult schema(Principal caller, CommandPreparedStatementQuery command) {
        return new SchemaResult(openQueries.get(caller, command.getPreparedStatementHandle()).query().resultSchema());
    }

    /**
     * Runs the statement once more, with the parameter rows last bound (once per row, results
     * concatenated): each execution is a query of its own, with its own audit record.
     */
    void stream(Caller caller, CommandPreparedStatementQuery command, ServerStreamListener listener) {
        streamer.stream(caller, command.getPreparedStatementHandle(),
                openQueries.bound(caller.principal(), command.getPreparedStatementHandle()), listener);
    }

    /**
     * Binds parameter rows (DoPut): every row of every batch is checked against the statement's
     * parameter schema; they replace the rows bound before only when all are valid.
     */
    Runnable bindParameters(Principal caller, CommandPreparedStatementQuery command, FlightStream parameters,
            StreamListener<PutResult> ack) {
        PreparedQuery query = openQueries.get(caller, command.getPreparedStatementHandle()).query();
        return () -> {
            try {
                List<BoundParameters> rows = new ArrayList<>();
                while (parameters.next()) {
                    VectorSchemaRoot batch = parameters.getRoot();
                    if (batch.getRowCount() > 0 && !(batch.getFieldVectors().isEmpty() && query.parameterSchema().getFields().isEmpty())) {
                        rows.addAll(ParameterRows.read(batch, query));
                    }
                }
                openQueries.bind(caller, command.getPreparedStatementHandle(), rows);
                ack.onCompleted();
            } catch (RuntimeException e) {
                ack.onError(FlightErrorMapper.toFlightException(e));
            }
        };
    }
}
