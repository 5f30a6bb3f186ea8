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
 * {@code TABLE_NOT_FOUND}.
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
        String prefix = "Cannot " + action + " " + source + ": ";
        if (failure instanceof SQLTransientConnectionException && failure.getCause() == null) {
            return new MeshgateException(ErrorCode.RESOURCES_EXHAUSTED, prefix + "all " + poolSize
                    + " connections stayed in use for the connection timeout (raise pool-size, or retry when fewer queries run)", failure);
        }
        Throwable root = root(failure);
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (state.startsWith(DATA_EXCEPTION_CLASS)) {
            return new MeshgateException(ErrorCode.EXTERNAL_ERROR, prefix + "the database could not compute a value (SQLSTATE " + state
                    + "; check the view or column definitions in PostgreSQL)");
        }
        ErrorCode code = state.equals(UNDEFINED_TABLE) ? ErrorCode.TABLE_NOT_FOUND : ErrorCode.EXTERNAL_ERROR;
        return new MeshgateException(code, prefix + reason(root), failure);
    }

    /** A failure of the connector's own reading, such as a value Arrow cannot hold. */
    MeshgateException translate(String action, RuntimeException failure) {
        if (failure instanceof MeshgateException meshgate) {
            return meshgate;
        }
        return new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot " + action + " " + source + ": " + reason(root(failure)), failure);
    }

    /** The root cause's message; of a server error, only its primary message and SQLSTATE. */
    private static String reason(Throwable root) {
        if (root instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server.getMessage() + " (SQLSTATE " + server.getSQLState() + ")";
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
