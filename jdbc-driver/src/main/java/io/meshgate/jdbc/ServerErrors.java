package io.meshgate.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a Meshgate error its SQLSTATE. The gateway writes every error as
 * {@code [CODE] SQLSTATE xxxxx: message}; Arrow's driver passes that text on in an SQLException
 * without a SQL state. Here it becomes the SQLException subclass JDBC defines for its SQLSTATE
 * class, with {@link SQLException#getSQLState()} set, the same message and the original as cause,
 * so that a BI tool shows the state and a program can branch on it.
 */
final class ServerErrors {
    private static final Pattern SERVER_ERROR = Pattern.compile("\\[([A-Z][A-Z_]*)] SQLSTATE ([0-9A-Z]{5}):");

    private ServerErrors() {
    }

    /**
     * {@code error} with the SQLSTATE that its message (or a cause's) names, or {@code error} itself when
     * none names one or it has a state already.
     */
    static SQLException withState(SQLException error) {
        if (error.getSQLState() != null) {
            return error;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher matcher = cause.getMessage() == null ? null : SERVER_ERROR.matcher(cause.getMessage());
            if (matcher != null && matcher.find()) {
                return translated(error, forCode(messageNaming(error, cause), matcher.group(1), matcher.group(2)));
            }
        }
        return error;
    }

    /** The error's message, or when only a cause names the server's error, that one's after it. */
    private static String messageNaming(SQLException error, Throwable cause) {
        return cause == error ? error.getMessage() : error.getMessage() + ": " + cause.getMessage();
    }

    private static SQLException translated(SQLException error, SQLException translated) {
        translated.initCause(error.getCause() != null ? error.getCause() : error);
        translated.setNextException(error.getNextException());
        return translated;
    }

    private static SQLException forCode(String message, String code, String state) {
        if (code.endsWith("TIMEOUT")) {
            return new SQLTimeoutException(message, state);
        }
        return switch (state.substring(0, 2)) {
            case "0A" -> new SQLFeatureNotSupportedException(message, state);
            case "08" -> new SQLNonTransientConnectionException(message, state);
            case "22" -> new SQLDataException(message, state);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, state);
            case "42" -> new SQLSyntaxErrorException(message, state);
            case "53", "57" -> new SQLTransientException(message, state);
            default -> new SQLException(message, state);
        };
    }
}
