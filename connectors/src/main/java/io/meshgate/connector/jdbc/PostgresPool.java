package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The bounded pool of read-only connections to one PostgreSQL database, on HikariCP: at most
 * {@link PostgresSpec#poolSize()} connections, a borrower waiting at most
 * {@link PostgresSpec#connectionTimeout()} for one, connections checked before they are handed out
 * and replaced after 30 minutes, one kept open while idle. HikariCP rather than a pool of our own,
 * because those checks, the replacement of connections a database restart broke and the eviction
 * of one connection are what a pool gets wrong, and HikariCP has done them for years (it brings
 * only slf4j-api). Opening the pool opens one connection, so a wrong URL or password is reported
 * when the gateway starts.
 */
final class PostgresPool implements AutoCloseable {
    private final HikariDataSource dataSource;

    private PostgresPool(HikariDataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /** Opens the pool, failing with HikariCP's exception (whose cause says why) when no connection can be made. */
    static PostgresPool open(String domain, PostgresSpec spec) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("meshgate-" + domain);
        config.setDriverClassName(org.postgresql.Driver.class.getName());
        config.setJdbcUrl(spec.url());
        spec.user().ifPresent(config::setUsername);
        spec.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(spec.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(spec.connectionTimeout().toMillis());
        config.setReadOnly(true);
        config.addDataSourceProperty("ApplicationName", "meshgate " + domain);
        return new PostgresPool(new HikariDataSource(config));
    }

    /** A connection in autocommit mode, read-only; give it back with {@link #release}. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Gives a connection back: rolled back and pooled again, or closed for good when
     * {@code discard} (a cancel request may still be on its way to it).
     */
    void release(Connection connection, boolean discard) {
        if (discard) {
            dataSource.evictConnection(connection);
            return;
        }
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            dataSource.evictConnection(connection);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
