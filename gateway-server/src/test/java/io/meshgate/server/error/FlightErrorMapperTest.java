package io.meshgate.server.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meshgate.error.ErrorCategory;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.error.SqlPosition;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightStatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlightErrorMapperTest {
    private static final Map<ErrorCategory, FlightStatusCode> BY_CATEGORY = new EnumMap<>(Map.of(
            ErrorCategory.USER, FlightStatusCode.INVALID_ARGUMENT,
            ErrorCategory.AUTHENTICATION, FlightStatusCode.UNAUTHENTICATED,
            ErrorCategory.PERMISSION, FlightStatusCode.UNAUTHORIZED,
            ErrorCategory.RESOURCES, FlightStatusCode.RESOURCE_EXHAUSTED,
            ErrorCategory.CANCELLED, FlightStatusCode.CANCELLED,
            ErrorCategory.EXTERNAL, FlightStatusCode.UNAVAILABLE,
            ErrorCategory.INTERNAL, FlightStatusCode.INTERNAL));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeMapsToItsCategoryStatusWithCodeAndSqlState(ErrorCode code) {
        CallStatus status = FlightErrorMapper.toStatus(new MeshgateException(code, "something about the query",
                Optional.of(new SqlPosition(1, 22)), new IllegalStateException("internal detail")));
        FlightStatusCode expected = switch (code) {
            case CATALOG_NOT_FOUND, SCHEMA_NOT_FOUND, TABLE_NOT_FOUND, COLUMN_NOT_FOUND -> FlightStatusCode.NOT_FOUND;
            case QUERY_TIMEOUT -> FlightStatusCode.TIMED_OUT;
            default -> BY_CATEGORY.get(code.category());
        };
        assertEquals(expected, status.code());
        String message = code == ErrorCode.INTERNAL_ERROR
                ? "Internal error in Meshgate; the server log has the details"
                : "line 1:22: something about the query";
        assertEquals("[" + code.name() + "] SQLSTATE " + code.sqlState() + ": " + message, status.description());
        assertEquals(code.name(), status.metadata().get(FlightErrorMapper.CODE_KEY));
        assertEquals(code.sqlState(), status.metadata().get(FlightErrorMapper.SQLSTATE_KEY));
        assertNull(status.cause(), "the cause never travels with the status");
        assertFalse(status.description().contains("internal detail"));
    }

    @Test
    void unknownTableIsNotFoundWithPositionFirst() {
        CallStatus status = FlightErrorMapper.toStatus(new MeshgateException(ErrorCode.TABLE_NOT_FOUND,
                "Table 'commerce.sales.nope' not found", Optional.of(new SqlPosition(1, 15)), null));
        assertEquals(FlightStatusCode.NOT_FOUND, status.code());
        assertEquals("[TABLE_NOT_FOUND] SQLSTATE 42P01: line 1:15: Table 'commerce.sales.nope' not found", status.description());
    }

    @Test
    void anyOtherExceptionIsAGenericInternalError() {
        CallStatus status = FlightErrorMapper.toStatus(new NullPointerException("secret.field was null at Foo.java:12"));
        assertEquals(FlightStatusCode.INTERNAL, status.code());
        assertEquals("[INTERNAL_ERROR] SQLSTATE XX000: Internal error in Meshgate; the server log has the details", status.description());
        assertEquals("XX000", status.metadata().get(FlightErrorMapper.SQLSTATE_KEY));
    }

    @Test
    void flightStatusesPassThroughWithoutTheirCause() {
        CallStatus status = FlightErrorMapper.toStatus(CallStatus.UNIMPLEMENTED.withDescription("no such command")
                .withCause(new RuntimeException("x")).toRuntimeException());
        assertEquals(FlightStatusCode.UNIMPLEMENTED, status.code());
        assertEquals("no such command", status.description());
        assertNull(status.cause());
    }
}
