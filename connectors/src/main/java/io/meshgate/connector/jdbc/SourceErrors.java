package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns failures of one PostgreSQL database into Meshgate errors that name the domain and the
 * database (never the password). A server error contributes only its primary message and
 * SQLSTATE: its detail, hint and context may quote row values. A data exception (SQLSTATE class
 * 22, such as a view that fails to cast a value) contributes only its SQLSTATE, since its message
 * quotes the value that failed (B4). A table dropped since the query was planned is
 * {@code TABLE_NOT_FOUND}. Failures to connect, to log in and to read for lack of privileges say
 * what to check.
 */
final class SourceErrors {
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final String UNDEFINED_TABLE = "42P01";

    private final String source;
    private final int poolSize;

    /**
     * @param domain   the domain the database serves
     * @param database the database as {@link PostgresSpec#describe()} names it
     */
    SourceErrors(String domain, String database, int poolSize) {
        requireNonNull(domain, "domain is null");
        requireNonNull(database, "database is null");
        this.source = "PostgreSQL " + database + " of domain '" + domain + "'";
        this.poolSize = poolSize;
    }

    /** How messages name the database: {@code PostgreSQL database 'shop' at host:5432 of domain 'crm'}. */
    String source() {
        return source;
    }

    /** {@code failure} while doing {@code action} ("read table public.orders from"), as a Meshgate error. */
    MeshgateException translate(String action, SQLException failure) {
        return translate(action, (Throwable) failure);
    }

    /** A failure of the pool or of the connector's own reading (a value Arrow cannot hold), as a Meshgate error. */
    MeshgateException translate(String action, RuntimeException failure) {
        if (failure instanceof MeshgateException meshgate) {
            return meshgate;
        }
        return translate(action, (Throwable) failure);
    }

    private MeshgateException translate(String action, Throwable failure) {
        String prefix = "Cannot " + action + " " + source + ": ";
        if (failure instanceof SQLTransientConnectionException && failure.getCause() == null) {
            return new MeshgateException(ErrorCode.RESOURCES_EXHAUSTED, prefix + "all " + poolSize
                    + " connections stayed in use for the connection timeout (raise pool-size, or retry when fewer queries run)", failure);
        }
        Throwable cause = driverCause(failure);
        String state = cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (state.startsWith(DATA_EXCEPTION_CLASS)) {
            return new MeshgateException(ErrorCode.EXTERNAL_ERROR, prefix + "the database could not compute a value (SQLSTATE " + state
                    + "; check the view or column definitions in PostgreSQL)");
        }
        ErrorCode code = state.equals(UNDEFINED_TABLE) ? ErrorCode.TABLE_NOT_FOUND : ErrorCode.EXTERNAL_ERROR;
        return new MeshgateException(code, prefix + reason(cause) + hint(state), failure);
    }

    /**
     * What to check, for the failures whose SQLSTATE says: the connection (class 08, or the server
     * shutting down or starting up: 57P01 to 57P03), the login, the privileges.
     */
    private static String hint(String state) {
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return " (check that the database is running and reachable from the gateway)";
        }
        if (state.startsWith("28")) {
            return " (check the domain's user and password)";
        }
        if (state.equals("42501")) {
            return " (grant the domain's user USAGE on the schema and SELECT on the table)";
        }
        return "";
    }

    /** A failure's message; of a server error, only its primary message and SQLSTATE. */
    private static String reason(Throwable cause) {
        if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server.getMessage() + " (SQLSTATE " + server.getSQLState() + ")";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * The SQL exception deepest in the chain, the driver's own account of what failed with its
     * SQLSTATE; the root cause when there is none.
     */
    private static Throwable driverCause(Throwable failure) {
        Throwable deepestSql = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof SQLException) {
                deepestSql = t;
            }
        }
        return deepestSql != null ? deepestSql : root;
    }
}
