package io.meshgate.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.arrow.driver.jdbc.ArrowFlightJdbcDriver;

/**
 * The JDBC driver for {@code jdbc:meshgate://host[:port][?key=value&...]} (port 31337 by default),
 * for BI tools and other JDBC clients. It translates the URL and hands the connection to Arrow's
 * Flight SQL JDBC driver: {@code tls=true|false} (default false, in the URL or as a property)
 * becomes Arrow's {@code useEncryption}, {@code tlsRootCert} and {@code tlsVerify} become Arrow's
 * TLS options (see {@link MeshgateUrl}); every other parameter and property ({@code user},
 * {@code password}, {@code token}, Arrow's own options) passes through unchanged.
 *
 * <p>Arrow's driver sends {@code Statement.cancel()} to the gateway once {@code executeQuery} has
 * returned a result set (it cancels the result's call, and the gateway stops the query); a cancel
 * while {@code executeQuery} still waits for the first rows stays in the client. It keeps
 * {@code setQueryTimeout} on the client too: it stops waiting and throws
 * {@code SQLTimeoutException}, but the call stays open. In both cases the gateway's own
 * {@code query.timeout} stops the query. Arrow's driver logs in once per connection and does
 * not log in again when its token expires ({@code auth.token-ttl-seconds} on the gateway, an hour
 * by default): give connection pools a maximum connection lifetime below that.
 *
 * <p>Registered with {@link DriverManager} when loaded, and found through
 * {@code META-INF/services/java.sql.Driver}.
 */
public final class MeshgateDriver implements Driver {
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;

    static {
        try {
            DriverManager.registerDriver(new MeshgateDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ArrowFlightJdbcDriver arrow = new ArrowFlightJdbcDriver();

    /** Used by {@link DriverManager} and service loading; applications use the URL. */
    public MeshgateDriver() {
    }

    /**
     * Connects, or returns null for a URL of another protocol, as JDBC requires.
     *
     * @throws SQLException if the meshgate URL or a property is malformed, or the connection fails
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ArrowTarget target = ArrowTarget.of(MeshgateUrl.parse(url), Optional.ofNullable(info).orElseGet(Properties::new), url);
        try {
            return ConnectionProxy.wrap(arrow.connect(target.url(), target.properties()));
        } catch (SQLException e) {
            throw ServerErrors.withState(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("Cannot check a null URL (use jdbc:meshgate://host[:port])", MeshgateUrl.SQLSTATE_CANNOT_CONNECT);
        }
        return MeshgateUrl.accepts(url);
    }

    /** The properties a meshgate connection understands, with the values {@code info} gives them. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        MeshgateUrl parsed = MeshgateUrl.parse(url);
        Properties given = Optional.ofNullable(info).orElseGet(Properties::new);
        DriverPropertyInfo tls = property(MeshgateUrl.TLS,
                parsed.tls().map(String::valueOf).orElse(given.getProperty(MeshgateUrl.TLS, "false")),
                "Whether to connect with TLS");
        tls.choices = new String[] {"true", "false"};
        return new DriverPropertyInfo[] {
                property("user", given.getProperty("user"), "User name, with password"),
                property("password", given.getProperty("password"), "Password of the user"),
                property("token", given.getProperty("token"), "Bearer token, instead of user and password"),
                tls,
        };
    }

    private static DriverPropertyInfo property(String name, String value, String description) {
        DriverPropertyInfo property = new DriverPropertyInfo(name, value);
        property.description = description;
        property.required = false;
        return property;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** False: the driver does not pass the JDBC compliance tests, nor does the gateway support full SQL-92. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger(MeshgateDriver.class.getPackageName());
    }
}
