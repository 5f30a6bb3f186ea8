package io.meshgate.server.transport.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import java.util.Optional;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;

/**
 * CancelFlightInfo (and Flight SQL's older CancelQuery, which Arrow routes here): stops the
 * queries of a FlightInfo's tickets that the caller started. A running query stops with
 * QUERY_CANCELLED; an ad-hoc statement not yet fetched is dropped. A query of another principal,
 * one that has ended and an unknown ticket are all alike NOT_CANCELLABLE, so a caller learns
 * nothing about other principals' queries.
 */
final class CancelHandler {
    private final RunningQueries running;
    private final OpenQueries openQueries;

    CancelHandler(RunningQueries running, OpenQueries openQueries) {
        this.running = running;
        this.openQueries = openQueries;
    }

    void cancel(Principal caller, CancelFlightInfoRequest request, StreamListener<CancelStatus> listener) {
        boolean cancelled = false;
        for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
            cancelled |= cancel(caller, endpoint.getTicket().getBytes());
        }
        listener.onNext(cancelled ? CancelStatus.CANCELLED : CancelStatus.NOT_CANCELLABLE);
        listener.onCompleted();
    }

    private boolean cancel(Principal caller, byte[] ticket) {
        Any any = parse(ticket);
        Optional<ByteString> statement = unpack(any, TicketStatementQuery.class).map(TicketStatementQuery::getStatementHandle);
        if (statement.isPresent()) {
            return running.cancel(caller, statement.get()) || openQueries.remove(caller, statement.get());
        }
        return unpack(any, CommandPreparedStatementQuery.class)
                .map(command -> running.cancel(caller, command.getPreparedStatementHandle()))
                .orElse(false);
    }

    private static Any parse(byte[] ticket) {
        try {
            return Any.parseFrom(ticket);
        } catch (InvalidProtocolBufferException e) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot cancel: the FlightInfo's ticket is not a Meshgate ticket (pass the FlightInfo the server returned)");
        }
    }

    private static <T extends com.google.protobuf.Message> Optional<T> unpack(Any any, Class<T> type) {
        if (!any.is(type)) {
            return Optional.empty();
        }
        try {
            return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }
}
