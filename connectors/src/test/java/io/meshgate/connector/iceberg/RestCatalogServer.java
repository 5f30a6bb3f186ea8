package io.meshgate.connector.iceberg;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Test fixture: a real Iceberg REST catalog server over HTTP on a free port of 127.0.0.1. It is
 * Iceberg's own REST catalog servlet and adapter (from Iceberg's tests jar) on Jetty, in front of
 * an Iceberg JDBC catalog in SQLite whose warehouse is a local folder or {@code s3://}.
 *
 * <p>Optionally it demands authentication as a catalog in production does: every request must
 * carry {@code Authorization: Bearer} with the accepted token or one it issued at
 * {@code /v1/oauth/tokens} for the accepted client id and secret (OAuth2 client credentials);
 * anything else is answered 401.
 */
public final class RestCatalogServer implements AutoCloseable {
    private static final String TOKEN_PATH = "/v1/oauth/tokens";

    private final Server server;
    private final JdbcCatalog backend;
    private final AtomicInteger rejected;

    private RestCatalogServer(Server server, JdbcCatalog backend, AtomicInteger rejected) {
        this.server = server;
        this.backend = backend;
        this.rejected = rejected;
    }

    /** What the server demands of a client: nothing, or a bearer token it accepts or issued for a client's credentials. */
    public record Authentication(Optional<String> token, Optional<String> clientId, Optional<String> clientSecret) {
        public static final Authentication NONE = new Authentication(Optional.empty(), Optional.empty(), Optional.empty());

        /** Accepts {@code token} as it is, and issues tokens for {@code clientId} with {@code clientSecret}. */
        public static Authentication required(String token, String clientId, String clientSecret) {
            return new Authentication(Optional.of(token), Optional.of(clientId), Optional.of(clientSecret));
        }

        boolean required() {
            return token.isPresent() || clientId.isPresent();
        }
    }

    /** A server without authentication whose backend catalog {@code name} lives in {@code directory}. */
    public static RestCatalogServer start(Path directory, String name) throws Exception {
        return start(directory, name, S3Options.defaults(), directory.resolve(name + "-warehouse").toUri().toString(), Authentication.NONE);
    }

    /**
     * A server whose backend catalog {@code name} keeps its rows in SQLite in {@code directory} and
     * writes new tables under {@code warehouse}, reaching S3 with {@code s3}.
     */
    public static RestCatalogServer start(Path directory, String name, S3Options s3, String warehouse, Authentication authentication)
            throws Exception {
        JdbcCatalog backend = IcebergCatalogs.openJdbc(new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve(name + "-rest.db"),
                Optional.empty(), Optional.empty(), name, warehouse, s3));
        AtomicInteger rejected = new AtomicInteger();
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
        if (authentication.required()) {
            context.addFilter(new FilterHolder(new BearerFilter(authentication, rejected)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            backend.close();
            throw e;
        }
        return new RestCatalogServer(server, backend, rejected);
    }

    /** The base URI clients are given: {@code http://127.0.0.1:port}. */
    public String uri() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The catalog behind the server, to check what clients did through it. */
    public Catalog backend() {
        return backend;
    }

    /** How many requests were answered 401 for a missing or wrong token or credential. */
    public int rejectedRequests() {
        return rejected.get();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            backend.close();
        }
    }

    /** Answers the token endpoint for the accepted client, and lets through only requests with an accepted bearer token. */
    private static final class BearerFilter implements Filter {
        private final Authentication authentication;
        private final AtomicInteger rejected;
        private final Set<String> accepted = ConcurrentHashMap.newKeySet();

        BearerFilter(Authentication authentication, AtomicInteger rejected) {
            this.authentication = authentication;
            this.rejected = rejected;
            authentication.token().ifPresent(accepted::add);
        }

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            if (request.getRequestURI().equals(TOKEN_PATH)) {
                issueToken(request, response);
                return;
            }
            String header = request.getHeader("Authorization");
            if (header == null || !header.startsWith("Bearer ") || !accepted.contains(header.substring("Bearer ".length()))) {
                rejected.incrementAndGet();
                reply(response, 401, "{\"error\":{\"message\":\"Not authorized: a valid bearer token is required\","
                        + "\"type\":\"NotAuthorizedException\",\"code\":401}}");
                return;
            }
            chain.doFilter(request, response);
        }

        private void issueToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean valid = "client_credentials".equals(request.getParameter("grant_type"))
                    && authentication.clientId().equals(Optional.ofNullable(request.getParameter("client_id")))
                    && authentication.clientSecret().equals(Optional.ofNullable(request.getParameter("client_secret")));
            if (!valid) {
                rejected.incrementAndGet();
                reply(response, 401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}");
                return;
            }
            String token = "issued-" + request.getParameter("client_id") + "-" + accepted.size();
            accepted.add(token);
            reply(response, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"issued_token_type\":"
                    + "\"urn:ietf:params:oauth:token-type:access_token\",\"expires_in\":3600}");
        }

        private static void reply(HttpServletResponse response, int status, String json) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.getWriter().write(json);
        }
    }
}
