package io.meshgate.server.error;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become Flight call statuses.
 *
 * <p>The client sees {@code [CODE_NAME] SQLSTATE xxxxx: message}, the message starting with the
 * SQL position when there is one ({@code [SYNTAX_ERROR] SQLSTATE 42601: line 1:22: ...}), and the
 * same code and SQLSTATE in the trailers {@value #CODE_KEY} and {@value #SQLSTATE_KEY}. Categories
 * map to status codes: USER to INVALID_ARGUMENT (NOT_FOUND for unknown catalogs, schemas, tables,
 * columns), AUTHENTICATION to UNAUTHENTICATED, PERMISSION to UNAUTHORIZED, RESOURCES to
 * RESOURCE_EXHAUSTED, CANCELLED to CANCELLED (TIMED_OUT, gRPC's DEADLINE_EXCEEDED, for QUERY_TIMEOUT), EXTERNAL to UNAVAILABLE, INTERNAL to INTERNAL.
 * Internal errors and anything that is not a {@link MeshgateException} reach the client only as a
 * generic message; the cause is logged. No stack trace ever leaves the server.
 */
public final class FlightErrorMapper {
    public static final String CODE_KEY = "meshgate-error-code";
    public static final String SQLSTATE_KEY = "meshgate-sqlstate";
    static final String INTERNAL_MESSAGE = "Internal error in Meshgate; the server log has the details";

    private static final Logger LOG = LoggerFactory.getLogger(FlightErrorMapper.class);

    private FlightErrorMapper() {
    }

    /** The exception to throw (or pass to {@code listener.error}) for any failure. */
    public static FlightRuntimeException toFlightException(Throwable failure) {
        return toStatus(failure).toRuntimeException();
    }

    public static CallStatus toStatus(Throwable failure) {
        if (failure instanceof FlightRuntimeException flight) {
            // Already a status (from Arrow, or mapped before): keep it, without its cause.
            CallStatus status = flight.status();
            return new CallStatus(status.code(), null, status.description(), status.metadata());
        }
        MeshgateException error = failure instanceof MeshgateException m ? m : internal(failure);
        if (error.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.error("Internal error: {}", error.getMessage(), error);
            error = new MeshgateException(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE);
        }
        ErrorFlightMetadata metadata = new ErrorFlightMetadata();
        metadata.insert(CODE_KEY, error.code().name());
        metadata.insert(SQLSTATE_KEY, error.code().sqlState());
        return new CallStatus(statusCode(error.code()), null, describe(error), metadata);
    }

    /** The text a client sees for an error. */
    public static String describe(MeshgateException error) {
        return "[" + error.code().name() + "] SQLSTATE " + error.code().sqlState() + ": " + error.userMessage();
    }

    static FlightStatusCode statusCode(ErrorCode code) {
        return switch (code) {
            case CATALOG_NOT_FOUND, SCHEMA_NOT_FOUND, TABLE_NOT_FOUND, COLUMN_NOT_FOUND -> FlightStatusCode.NOT_FOUND;
            case QUERY_TIMEOUT -> FlightStatusCode.TIMED_OUT;
            default -> switch (code.category()) {
                case USER -> FlightStatusCode.INVALID_ARGUMENT;
                case AUTHENTICATION -> FlightStatusCode.UNAUTHENTICATED;
                case PERMISSION -> FlightStatusCode.UNAUTHORIZED;
                case RESOURCES -> FlightStatusCode.RESOURCE_EXHAUSTED;
                case CANCELLED -> FlightStatusCode.CANCELLED;
                case EXTERNAL -> FlightStatusCode.UNAVAILABLE;
                case INTERNAL -> FlightStatusCode.INTERNAL;
            };
        };
    }

    private static MeshgateException internal(Throwable failure) {
        String message = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return new MeshgateException(ErrorCode.INTERNAL_ERROR, message, failure);
    }
}
