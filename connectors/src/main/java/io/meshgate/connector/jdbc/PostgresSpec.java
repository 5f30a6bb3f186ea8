package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A PostgreSQL database served as a domain: where it is, who to log in as, and how many
 * connections the gateway may hold to it. The password never appears in {@link #toString()}, nor
 * anywhere this spec names the database ({@link #describe()}), even when the URL carries one.
 *
 * @param url               {@code jdbc:postgresql://host:port/database}, with driver options after {@code ?} if needed
 * @param poolSize          the most connections open at once: each running scan holds one
 * @param connectionTimeout how long a scan waits for a connection (a free one, or a new one
 *                          when the database is slow to answer) before it fails
 */
public record PostgresSpec(String url, Optional<String> user, Optional<String> password, int poolSize, Duration connectionTimeout) {
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** The shortest connection timeout the pool accepts. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public PostgresSpec {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(connectionTimeout, "connectionTimeout is null");
        if (!url.startsWith(URL_PREFIX) || Driver.parseURL(url, new Properties()) == null) {
            throw new IllegalArgumentException("Cannot use PostgreSQL url '" + withoutOptions(url)
                    + "': it must be jdbc:postgresql://host:port/database");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("Cannot use a pool of " + poolSize + " connections: use 1 or more");
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("Cannot use a connection timeout of " + connectionTimeout.toMillis()
                    + " ms: use " + MIN_CONNECTION_TIMEOUT.toMillis() + " ms or more");
        }
    }

    /** A spec with the default pool size and connection timeout. */
    public static PostgresSpec of(String url, Optional<String> user, Optional<String> password) {
        return new PostgresSpec(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The database as messages name it: {@code database 'shop' at db.example.com:5432}, never with options or credentials. */
    public String describe() {
        Properties parsed = Driver.parseURL(url, new Properties());
        return "database '" + parsed.getProperty("PGDBNAME", "") + "' at " + parsed.getProperty("PGHOST", "localhost")
                + ":" + parsed.getProperty("PGPORT", "5432");
    }

    @Override
    public String toString() {
        return "PostgresSpec[url=" + withoutOptions(url) + ", user=" + user + ", password=" + password.map(p -> "***")
                + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }

    /** The URL up to its options, which may hold a password. */
    private static String withoutOptions(String url) {
        int options = url.indexOf('?');
        return options < 0 ? url : url.substring(0, options) + "?...";
    }
}
