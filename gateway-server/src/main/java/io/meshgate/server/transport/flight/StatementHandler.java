package io.meshgate.server.transport.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.Session;
import io.meshgate.policy.Principal;
import java.util.List;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;

/**
 * Ad-hoc statements: GetFlightInfo plans the query and keeps it under a one-time ticket; DoGet
 * runs it, streams it and forgets it.
 */
final class StatementHandler {
    private final QueryPreparer preparer;
    private final OpenQueries openQueries;
    private final ResultStreamer streamer;

    StatementHandler(QueryPreparer preparer, OpenQueries openQueries, ResultStreamer streamer) {
        this.preparer = preparer;
        this.openQueries = openQueries;
        this.streamer = streamer;
    }

    FlightInfo flightInfo(Session session, CommandStatementQuery command, FlightDescriptor descriptor) {
        PreparedQuery query = preparer.prepare(session, command.getQuery());
        ByteString handle = openQueries.register(session.principal(), query);
        TicketStatementQuery ticket = TicketStatementQuery.newBuilder().setStatementHandle(handle).build();
        return new FlightInfo(query.resultSchema(), descriptor,
                List.of(new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray()))), -1, -1);
    }

    SchemaResult schema(Session session, CommandStatementQuery command) {
        try (PreparedQuery query = preparer.prepare(session, command.getQuery())) {
            return new SchemaResult(query.resultSchema());
        }
    }

    void stream(Principal caller, TicketStatementQuery ticket, ServerStreamListener listener) {
        PreparedQuery query = openQueries.get(caller, ticket.getStatementHandle());
        try {
            streamer.stream(query, listener);
        } finally {
            openQueries.close(caller, ticket.getStatementHandle());
        }
    }
}
