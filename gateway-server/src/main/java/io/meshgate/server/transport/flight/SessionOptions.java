package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.NoOpSessionOptionValueVisitor;
import org.apache.arrow.flight.ServerSessionMiddleware;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsResult;

/**
 * Flight session options (SetSessionOptions, GetSessionOptions, CloseSession): the current
 * {@code catalog} and {@code schema} that one- and two-part table names resolve against. A session
 * is Arrow's session cookie ({@link ServerSessionMiddleware}); it is bound to the principal who
 * opened it, and another principal presenting its cookie is refused. Values are checked against
 * what the principal may see (and {@code mesh.meta}, the system tables, which everyone may use):
 * an unknown or invisible catalog or schema is an error naming the option and the value. Setting the catalog clears the schema unless the same request sets it.
 * Other option names are answered with INVALID_NAME; an empty value unsets an option. Sessions
 * left unused for {@link #IDLE_TIMEOUT} are forgotten, and at most {@link #MAX_SESSIONS} are kept.
 */
final class SessionOptions {
    static final String CATALOG = "catalog";
    static final String SCHEMA = "schema";
    static final FlightServerMiddleware.Key<ServerSessionMiddleware> MIDDLEWARE = FlightServerMiddleware.Key.of("meshgate.session");

    /** What one session has set, and who owns it. */
    record State(String owner, Optional<String> catalog, Optional<String> schema) {
        State {
            requireNonNull(owner, "owner is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(schema, "schema is null");
        }
    }

    /** A session left unused this long is forgotten, like a client's cookie that was never sent back. */
    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    /** At most this many sessions are kept; the least recently used beyond it is forgotten. */
    static final long MAX_SESSIONS = 100_000;

    private final CatalogViews catalogViews;
    /** By session id; bounded, since a client that does not keep its cookie opens a session per call. */
    private final Map<String, State> states = Caffeine.newBuilder()
            .expireAfterAccess(IDLE_TIMEOUT)
            .maximumSize(MAX_SESSIONS)
            .<String, State>build()
            .asMap();

    SessionOptions(CatalogViews catalogViews) {
        this.catalogViews = requireNonNull(catalogViews, "catalogViews is null");
    }

    /** The state of the call's session; empty when it has none or has set nothing. */
    Optional<State> current(CallContext context, Principal caller) {
        ServerSessionMiddleware middleware = context.getMiddleware(MIDDLEWARE);
        if (middleware == null || !middleware.hasSession()) {
            return Optional.empty();
        }
        return Optional.ofNullable(states.get(middleware.getSession().id)).map(state -> owned(state, caller));
    }

    SetSessionOptionsResult set(CallContext context, Principal caller, Map<String, SessionOptionValue> options) {
        ServerSessionMiddleware middleware = middleware(context);
        String id = middleware.getSession().id;
        State before = Optional.ofNullable(states.get(id)).map(state -> owned(state, caller))
                .orElse(new State(caller.name(), Optional.empty(), Optional.empty()));
        Map<String, SetSessionOptionsResult.Error> errors = new HashMap<>();
        Optional<String> catalog = before.catalog();
        Optional<String> schema = before.schema();
        CatalogView view = catalogViews.view(caller);
        for (Map.Entry<String, SessionOptionValue> option : options.entrySet()) {
            String name = option.getKey();
            if (name.equals(CATALOG)) {
                catalog = text(option.getValue(), name).map(value -> catalog(view, value));
                if (!catalog.equals(before.catalog()) && !options.containsKey(SCHEMA)) {
                    schema = Optional.empty();
                }
            } else if (!name.equals(SCHEMA)) {
                errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_NAME));
            }
        }
        if (options.containsKey(SCHEMA)) {
            Optional<String> requested = text(options.get(SCHEMA), SCHEMA);
            Optional<String> inCatalog = catalog;
            schema = requested.map(value -> schema(view, inCatalog, value));
        }
        states.put(id, new State(caller.name(), catalog, schema));
        return new SetSessionOptionsResult(errors);
    }

    GetSessionOptionsResult get(CallContext context, Principal caller) {
        Map<String, SessionOptionValue> options = new LinkedHashMap<>();
        current(context, caller).ifPresent(state -> {
            state.catalog().ifPresent(c -> options.put(CATALOG, SessionOptionValueFactory.makeSessionOptionValue(c)));
            state.schema().ifPresent(s -> options.put(SCHEMA, SessionOptionValueFactory.makeSessionOptionValue(s)));
        });
        return new GetSessionOptionsResult(options);
    }

    CloseSessionResult close(CallContext context, Principal caller) {
        ServerSessionMiddleware middleware = context.getMiddleware(MIDDLEWARE);
        if (middleware == null || !middleware.hasSession()) {
            return new CloseSessionResult(CloseSessionResult.Status.CLOSED);
        }
        String id = middleware.getSession().id;
        Optional.ofNullable(states.get(id)).ifPresent(state -> owned(state, caller));
        states.remove(id);
        middleware.closeSession();
        return new CloseSessionResult(CloseSessionResult.Status.CLOSED);
    }

    private static ServerSessionMiddleware middleware(CallContext context) {
        ServerSessionMiddleware middleware = context.getMiddleware(MIDDLEWARE);
        if (middleware == null) {
            throw new IllegalStateException("Cannot keep session options: the session middleware is not installed");
        }
        return middleware;
    }

    private static State owned(State state, Principal caller) {
        if (!state.owner().equals(caller.name())) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST,
                    "Cannot use this session: another user opened it (close the session, or connect again)");
        }
        return state;
    }

    /** A string option's value; empty for the empty value, which unsets it. */
    private static Optional<String> text(SessionOptionValue value, String name) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.acceptVisitor(new NoOpSessionOptionValueVisitor<String>() {
            @Override
            public String visit(String string) {
                return string;
            }
        });
        if (text == null) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot set session option " + name + ": its value must be a string");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A domain the principal sees, or the system tables' catalog, as the catalog names it. */
    private static String catalog(CatalogView view, String value) {
        return Stream.concat(view.domainNames().stream(), Stream.of(SystemTables.CATALOG))
                .filter(d -> d.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new MeshgateException(ErrorCode.CATALOG_NOT_FOUND, "Cannot set session option catalog to '" + value
                        + "': catalog '" + value + "' does not exist (list catalogs with GetCatalogs)"));
    }

    private static String schema(CatalogView view, Optional<String> catalog, String value) {
        if (catalog.isEmpty()) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Cannot set session option schema to '" + value
                    + "': no catalog is set (set the catalog option first, or in the same request)");
        }
        List<String> schemas = catalog.get().equals(SystemTables.CATALOG) ? List.of(SystemTables.SCHEMA) : view.schemaNames(catalog.get());
        return schemas.stream().filter(s -> s.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new MeshgateException(ErrorCode.SCHEMA_NOT_FOUND, "Cannot set session option schema to '" + value
                        + "': schema '" + catalog.get() + "." + value + "' does not exist (list schemas with GetDbSchemas)"));
    }
}
