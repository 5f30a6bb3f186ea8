package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.Principal;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.metrics.ProductMetrics;
import io.meshgate.server.metrics.PrometheusText;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the portal's requests (see {@link PortalServer} for the routes). Every route but the
 * login page, the login form's post and the stylesheet and script needs a session cookie; the
 * metrics page also takes HTTP Basic credentials, for scrapers. Form posts from another origin are
 * refused. Runs off the event loop: logins check bcrypt hashes and product pages read catalogs.
 */
@ChannelHandler.Sharable
final class PortalHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(PortalHandler.class);
    static final String SESSION_COOKIE = "meshgate_session";
    /** The same for an unknown user and a wrong password, as on Flight. */
    static final String INVALID_CREDENTIALS = "Invalid user name or password";
    static final String LOGIN_REQUIRED = "Log in first: POST /login with user and password, then send the session cookie";
    private static final String PRODUCTS = "/api/products";
    private static final String PRODUCT_PREFIX = PRODUCTS + "/";
    private static final String ERROR_MARKER = "<!--login-error-->";
    private static final int MAX_QUERY_LENGTH = 200;
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private final StaticAssets assets;
    private final PortalSessions sessions;
    private final UserDirectory users;
    private final PortalCatalog catalog;
    private final ProductMetrics metrics;
    private final Clock clock;

    PortalHandler(StaticAssets assets, PortalSessions sessions, UserDirectory users, PortalCatalog catalog, ProductMetrics metrics, Clock clock) {
        this.assets = requireNonNull(assets, "assets is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.users = requireNonNull(users, "users is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        FullHttpResponse response;
        try {
            response = request.decoderResult().isSuccess() ? route(request) : Replies.text(HttpResponseStatus.BAD_REQUEST, "Malformed request");
        } catch (RuntimeException e) {
            LOG.error("Portal request {} {} failed", request.method(), new QueryStringDecoder(request.uri()).rawPath(), e);
            response = Replies.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error: see the server log");
        }
        // HttpServerKeepAliveHandler closes the connection after the response when the request asked for it.
        context.writeAndFlush(response);
    }

    private FullHttpResponse route(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.rawPath();
        HttpMethod method = request.method();
        Optional<StaticAssets.Asset> asset = assets.publicAsset(path);
        if (asset.isPresent()) {
            return method.equals(HttpMethod.GET) ? Replies.of(HttpResponseStatus.OK, asset.get().contentType(), asset.get().bytes()) : notAllowed("GET");
        }
        switch (path) {
            case "/login":
                if (method.equals(HttpMethod.GET)) {
                    return principal(request).isPresent() ? Replies.redirect("/") : loginPage(HttpResponseStatus.OK, Optional.empty());
                }
                return method.equals(HttpMethod.POST) ? login(request) : notAllowed("GET, POST");
            case "/logout":
                return method.equals(HttpMethod.POST) ? logout(request) : notAllowed("POST");
            case "/":
                if (!method.equals(HttpMethod.GET)) {
                    return notAllowed("GET");
                }
                return principal(request).isPresent() ? page(StaticAssets.MAIN_PAGE) : Replies.redirect("/login");
            case "/metrics":
                return method.equals(HttpMethod.GET) ? metrics(request) : notAllowed("GET");
            default:
                if (path.equals("/api") || path.startsWith("/api/")) {
                    return api(request, uri, path);
                }
                return Replies.text(HttpResponseStatus.NOT_FOUND, "Not found");
        }
    }

    private FullHttpResponse api(FullHttpRequest request, QueryStringDecoder uri, String path) {
        Optional<Principal> principal = principal(request);
        if (principal.isEmpty()) {
            return Replies.jsonError(HttpResponseStatus.UNAUTHORIZED, LOGIN_REQUIRED);
        }
        if (!request.method().equals(HttpMethod.GET)) {
            return notAllowed("GET");
        }
        if (path.equals("/api/me")) {
            return Replies.json(HttpResponseStatus.OK, ProductJson.principal(principal.get()));
        }
        if (path.equals(PRODUCTS)) {
            String query = uri.parameters().getOrDefault("q", List.of("")).get(0);
            if (query.length() > MAX_QUERY_LENGTH) {
                return Replies.jsonError(HttpResponseStatus.BAD_REQUEST, "Cannot search: the query is longer than " + MAX_QUERY_LENGTH
                        + " characters (use fewer words)");
            }
            return Replies.json(HttpResponseStatus.OK, ProductJson.searchResult(query, catalog.search(principal.get(), query)));
        }
        if (path.startsWith(PRODUCT_PREFIX)) {
            String[] parts = path.substring(PRODUCT_PREFIX.length()).split("/", -1);
            if (parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                String domain = pathSegment(parts[0]);
                String schema = pathSegment(parts[1]);
                String table = pathSegment(parts[2]);
                return catalog.product(principal.get(), domain, schema, table)
                        .map(product -> Replies.json(HttpResponseStatus.OK, ProductJson.product(product, clock.instant())))
                        .orElseGet(() -> Replies.jsonError(HttpResponseStatus.NOT_FOUND, "Product " + domain + "." + schema + "." + table
                                + " not found (it does not exist, or you may not see it)"));
            }
        }
        return Replies.jsonError(HttpResponseStatus.NOT_FOUND, "Not found (the API has /api/me, /api/products?q=... and"
                + " /api/products/{domain}/{schema}/{table})");
    }

    private FullHttpResponse login(FullHttpRequest request) {
        if (!sameOrigin(request)) {
            return Replies.text(HttpResponseStatus.FORBIDDEN, "Cannot log in: the form was posted from another site");
        }
        QueryStringDecoder form = new QueryStringDecoder(request.content().toString(StandardCharsets.UTF_8), false);
        String user = form.parameters().getOrDefault("user", List.of("")).get(0);
        String password = form.parameters().getOrDefault("password", List.of("")).get(0);
        Optional<Principal> principal = users.authenticate(user, password);
        if (principal.isEmpty()) {
            return loginPage(HttpResponseStatus.UNAUTHORIZED, Optional.of(INVALID_CREDENTIALS));
        }
        FullHttpResponse response = Replies.redirect("/");
        response.headers().set(HttpHeaderNames.SET_COOKIE, sessionCookie(sessions.open(principal.get()), sessions.ttl().toSeconds()));
        return response;
    }

    private FullHttpResponse logout(FullHttpRequest request) {
        if (!sameOrigin(request)) {
            return Replies.text(HttpResponseStatus.FORBIDDEN, "Cannot log out: the form was posted from another site");
        }
        session(request).ifPresent(sessions::close);
        FullHttpResponse response = Replies.redirect("/login");
        response.headers().set(HttpHeaderNames.SET_COOKIE, sessionCookie("", 0));
        return response;
    }

    private FullHttpResponse metrics(FullHttpRequest request) {
        Optional<Principal> principal = principal(request).or(() -> basicCredentials(request));
        if (principal.isEmpty()) {
            FullHttpResponse response = Replies.text(HttpResponseStatus.UNAUTHORIZED, "Cannot show metrics: log in to the portal,"
                    + " or send a user name and password with HTTP Basic authentication");
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"meshgate\", charset=\"UTF-8\"");
            return response;
        }
        String text = PortalMetrics.render(catalog.products(principal.get()), metrics.usage(), clock.instant());
        return Replies.of(HttpResponseStatus.OK, PrometheusText.CONTENT_TYPE, text);
    }

    private FullHttpResponse page(String name) {
        StaticAssets.Asset page = assets.page(name);
        return Replies.of(HttpResponseStatus.OK, page.contentType(), page.bytes());
    }

    private FullHttpResponse loginPage(HttpResponseStatus status, Optional<String> error) {
        String html = assets.page(StaticAssets.LOGIN_PAGE).text()
                .replace(ERROR_MARKER, error.map(message -> "<p id=\"login-error\" class=\"error\" role=\"alert\">" + Html.escape(message) + "</p>")
                        .orElse(""));
        return Replies.of(status, Replies.HTML, html);
    }

    /** Who is logged in with the request's session cookie, if anyone. */
    private Optional<Principal> principal(FullHttpRequest request) {
        return session(request).flatMap(sessions::principal);
    }

    /** The session id from the request's cookie, if it sent one. */
    private static Optional<String> session(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return Optional.empty();
        }
        return ServerCookieDecoder.STRICT.decode(header).stream()
                .filter(cookie -> cookie.name().equals(SESSION_COOKIE) && !cookie.value().isEmpty())
                .map(Cookie::value)
                .findFirst();
    }

    private Optional<Principal> basicCredentials(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static String sessionCookie(String value, long maxAgeSeconds) {
        DefaultCookie cookie = new DefaultCookie(SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        cookie.setMaxAge(maxAgeSeconds);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    /**
     * A form post is refused when the browser says it came from another site: by
     * {@code Sec-Fetch-Site} when it sends that (every current browser does), else by an
     * {@code Origin} that is not the portal's own. A client that sends neither is no browser on
     * another site.
     */
    private static boolean sameOrigin(FullHttpRequest request) {
        String fetchSite = request.headers().get("Sec-Fetch-Site");
        if (fetchSite != null) {
            return SAME_SITE_FETCHES.contains(fetchSite);
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** A path segment with its %-escapes decoded; a plus sign stays a plus sign. */
    private static String pathSegment(String raw) {
        return QueryStringDecoder.decodeComponent(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static FullHttpResponse notAllowed(String allowed) {
        FullHttpResponse response = Replies.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method not allowed (use " + allowed + ")");
        response.headers().set(HttpHeaderNames.ALLOW, allowed);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("Portal connection failed; closing it", cause);
        context.close();
    }
}
