package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class ServerErrorsTest {
    private static SQLException arrowError(String serverText) {
        return new SQLException("Error while executing SQL \"SELECT x\": " + serverText, null, 0, new IllegalStateException("flight"));
    }

    @Test
    void serverErrorGetsItsSqlStateAndTheJdbcSubclassOfItsClass() {
        SQLException error = ServerErrors.withState(arrowError("[COLUMN_NOT_FOUND] SQLSTATE 42703: line 1:8: Column 'x' not found"));
        assertInstanceOf(SQLSyntaxErrorException.class, error);
        assertEquals("42703", error.getSQLState());
        assertEquals("Error while executing SQL \"SELECT x\": [COLUMN_NOT_FOUND] SQLSTATE 42703: line 1:8: Column 'x' not found",
                error.getMessage());
        assertInstanceOf(IllegalStateException.class, error.getCause());
    }

    @Test
    void eachStateClassMapsToItsJdbcSubclass() {
        assertInstanceOf(SQLDataException.class, ServerErrors.withState(arrowError("[DIVISION_BY_ZERO] SQLSTATE 22012: Division by zero")));
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class,
                ServerErrors.withState(arrowError("[AUTHENTICATION_FAILED] SQLSTATE 28000: Invalid user name or password")));
        assertInstanceOf(SQLFeatureNotSupportedException.class, ServerErrors.withState(arrowError("[NOT_SUPPORTED] SQLSTATE 0A000: no")));
        assertInstanceOf(SQLTimeoutException.class, ServerErrors.withState(arrowError("[QUERY_TIMEOUT] SQLSTATE 57014: too long")));
        assertEquals(SQLException.class, ServerErrors.withState(arrowError("[EXTERNAL_ERROR] SQLSTATE 58030: S3 down")).getClass());
    }

    @Test
    void errorsWithoutAServerCodeOrWithAStateAreLeftAlone() {
        SQLException plain = new SQLException("Connection refused");
        assertSame(plain, ServerErrors.withState(plain));
        SQLException stated = new SQLException("[COLUMN_NOT_FOUND] SQLSTATE 42703: x", "HY000");
        assertSame(stated, ServerErrors.withState(stated));
    }
}
