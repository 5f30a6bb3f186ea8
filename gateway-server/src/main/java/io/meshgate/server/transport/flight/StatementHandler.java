package io.meshgate.server.transport.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.meshgate.engine.PreparedQuery;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;

/**
 * Ad-hoc statements: GetFlightInfo plans the query and keeps it under a one-time ticket, with the
 * query's warnings ({@link QueryWarnings}); DoGet runs it, streams it and forgets it.
 */
final class StatementHandler {
    private final StatementPlanner planner;
    private final OpenQueries openQueries;
    private final ResultStreamer streamer;

    StatementHandler(StatementPlanner planner, OpenQueries openQueries, ResultStreamer streamer) {
        this.planner = planner;
        this.openQueries = openQueries;
        this.streamer = streamer;
    }

    FlightInfo flightInfo(Caller caller, CommandStatementQuery command, FlightDescriptor descriptor) {
        PlannedStatement statement = planner.plan(caller, command.getQuery());
        ByteString handle = openQueries.register(caller.principal(), statement);
        TicketStatementQuery ticket = TicketStatementQuery.newBuilder().setStatementHandle(handle).build();
        return QueryWarnings.flightInfo(statement.query().resultSchema(), descriptor, new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray())),
                statement.query().warnings());
    }

    SchemaResult schema(Caller caller, CommandStatementQuery command) {
        try (PreparedQuery query = planner.plan(caller, command.getQuery()).query()) {
            return new SchemaResult(query.resultSchema());
        }
    }

    void stream(Caller caller, TicketStatementQuery ticket, ServerStreamListener listener) {
        PlannedStatement statement = openQueries.get(caller.principal(), ticket.getStatementHandle());
        try {
            streamer.stream(caller, ticket.getStatementHandle(), statement, listener);
        } finally {
            openQueries.remove(caller.principal(), ticket.getStatementHandle());
        }
    }
}
