package io.meshgate.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A connection of Arrow's driver seen through Meshgate's: every {@link SQLException} that the
 * connection, or a statement, result set or metadata object it hands out, throws goes through
 * {@link ServerErrors#withState} on its way to the caller, {@code getObject} on a zoned
 * timestamp works ({@link ZonedTimestamps}), and the warnings the gateway sends with a result
 * ({@link ServerWarnings}) are {@code getWarnings()} of the result set and of the statement that
 * ran it, until the statement runs again or {@code clearWarnings()} is called. Objects are
 * otherwise untouched; {@code unwrap} reaches Arrow's own classes.
 */
final class ConnectionProxy implements InvocationHandler {
    /** What a call may hand out that is wrapped in turn. */
    private static final Set<Class<?>> WRAPPED = Set.of(Statement.class, PreparedStatement.class, CallableStatement.class,
            ResultSet.class, DatabaseMetaData.class, ResultSetMetaData.class, ParameterMetaData.class);

    private final Object target;
    /** The connection proxy, which every object of the connection hands back as its connection. */
    private Connection connection;
    /** For a result set: its zoned timestamp columns, once looked up. */
    private ZonedTimestamps zonedTimestamps;
    /** For a statement or result set: the gateway's warnings for the last result, in order. */
    private List<String> warnings = List.of();

    private ConnectionProxy(Object target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    static Connection wrap(Connection arrowConnection) {
        ConnectionProxy handler = new ConnectionProxy(arrowConnection, null);
        handler.connection = (Connection) proxy(arrowConnection, handler);
        return handler.connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> target.toString();
            };
        }
        boolean wrapperCall = method.getName().equals("unwrap") || method.getName().equals("isWrapperFor");
        if (wrapperCall && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
            return method.getName().equals("unwrap") ? proxy : Boolean.TRUE;
        }
        boolean warningHolder = target instanceof Statement || target instanceof ResultSet;
        if (warningHolder && method.getName().equals("getWarnings") && method.getParameterCount() == 0) {
            return ServerWarnings.chain(warnings, (SQLWarning) call(method, args));
        }
        if (warningHolder && method.getName().equals("clearWarnings") && method.getParameterCount() == 0) {
            warnings = List.of();
            return call(method, args);
        }
        boolean execution = target instanceof Statement && method.getName().startsWith("execute");
        if (execution) {
            warnings = List.of();
        }
        Object result = call(method, args);
        if (execution) {
            warnings = ServerWarnings.of(result instanceof ResultSet rows ? rows : currentResult((Statement) target));
        }
        if (result != null && method.getReturnType() == Connection.class) {
            return connection;
        }
        if (result == null || !WRAPPED.contains(method.getReturnType())) {
            return result;
        }
        ConnectionProxy handler = new ConnectionProxy(result, connection);
        if (target instanceof Statement && result instanceof ResultSet rows) {
            handler.warnings = ServerWarnings.of(rows);
        }
        return proxy(result, handler);
    }

    private static ResultSet currentResult(Statement statement) throws SQLException {
        try {
            return statement.getResultSet();
        } catch (SQLException e) {
            throw ServerErrors.withState(e);
        }
    }

    /** Calls the target, giving a failure its SQLSTATE; {@code getObject} on a zoned timestamp is answered here. */
    private Object call(Method method, Object[] args) throws Throwable {
        try {
            if (target instanceof ResultSet rows && ZonedTimestamps.isPlainGetObject(method, args)) {
                ZonedTimestamps zoned = zonedTimestamps(rows);
                if (zoned.isZoned(args[0])) {
                    return zoned.read(args[0]);
                }
            }
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException error ? ServerErrors.withState(error) : e.getCause();
        } catch (SQLException e) {
            throw ServerErrors.withState(e);
        }
    }

    /** The result set's zoned timestamp columns, looked up on the first {@code getObject}. */
    private ZonedTimestamps zonedTimestamps(ResultSet rows) throws SQLException {
        if (zonedTimestamps == null) {
            zonedTimestamps = ZonedTimestamps.of(rows);
        }
        return zonedTimestamps;
    }

    private static Object proxy(Object target, ConnectionProxy handler) {
        return Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(), sqlInterfaces(target.getClass()), handler);
    }

    /** Every java.sql interface the class implements, so that a caller's cast to one still works. */
    private static Class<?>[] sqlInterfaces(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            collect(c.getInterfaces(), found);
        }
        return found.toArray(Class<?>[]::new);
    }

    private static void collect(Class<?>[] interfaces, Set<Class<?>> found) {
        for (Class<?> i : interfaces) {
            if (i.getPackageName().equals("java.sql")) {
                found.add(i);
            }
            collect(i.getInterfaces(), found);
        }
    }
}
