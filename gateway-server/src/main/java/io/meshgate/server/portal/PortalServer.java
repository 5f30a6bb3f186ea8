package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Ticker;
import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.policy.Principal;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.config.PortalConfig;
import io.meshgate.server.metrics.ProductMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web portal: an HTTP server (Netty) on its own port with a page to search the data products
 * a user may DESCRIBE and read about each, the JSON API behind it, and {@code /metrics}.
 *
 * <ul>
 *   <li>{@code GET /login}, {@code POST /login} (form fields {@code user}, {@code password}):
 *       checked by the same {@link UserDirectory} as Flight; sets an HttpOnly, SameSite=Strict
 *       session cookie that lasts as long as a bearer token. {@code POST /logout} ends it.</li>
 *   <li>{@code GET /}: the page; {@code GET /static/portal.css}, {@code /static/portal.js}.</li>
 *   <li>{@code GET /api/me}, {@code GET /api/products?q=words},
 *       {@code GET /api/products/{domain}/{schema}/{table}}: JSON; 401 without a session.</li>
 *   <li>{@code GET /metrics}: Prometheus text, with a session or HTTP Basic credentials.</li>
 * </ul>
 * Started listening on construction, stopped by {@link #close()}.
 */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    /** Request bodies are login forms: a few hundred bytes. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int READ_TIMEOUT_SECONDS = 60;
    private static final int REQUEST_THREADS = 4;

    private final EventLoopGroup acceptors;
    private final EventLoopGroup connections;
    private final EventExecutorGroup requests;
    private final Channel channel;
    private final String host;

    private PortalServer(EventLoopGroup acceptors, EventLoopGroup connections, EventExecutorGroup requests, Channel channel, String host) {
        this.acceptors = acceptors;
        this.connections = connections;
        this.requests = requests;
        this.channel = channel;
        this.host = host;
    }

    /**
     * Listens on the portal's {@code host:port} (port 0: any free port).
     *
     * @param views      the mesh as each principal sees it (the engine's {@code catalogView})
     * @param users      who may log in
     * @param sessionTtl how long a session lasts from login (the bearer token TTL)
     * @param metrics    what the Flight path has served, for {@code /metrics}
     * @param contracts  the stored results of contract checks, for each product's contract status
     * @throws IOException when the address cannot be listened on
     */
    public static PortalServer start(PortalConfig config, Function<Principal, CatalogView> views, UserDirectory users, Duration sessionTtl,
            ProductMetrics metrics, ContractResults contracts) throws IOException {
        requireNonNull(config, "config is null");
        Clock clock = Clock.systemUTC();
        PortalHandler handler = new PortalHandler(StaticAssets.load(), new PortalSessions(sessionTtl, Ticker.systemTicker()),
                requireNonNull(users, "users is null"), new PortalCatalog(views, contracts, clock), requireNonNull(metrics, "metrics is null"),
                clock);
        EventLoopGroup acceptors = new NioEventLoopGroup(1, new DefaultThreadFactory("meshgate-portal-accept", true));
        EventLoopGroup connections = new NioEventLoopGroup(1, new DefaultThreadFactory("meshgate-portal-io", true));
        EventExecutorGroup requests = new DefaultEventExecutorGroup(REQUEST_THREADS, new DefaultThreadFactory("meshgate-portal-request", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, connections)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(requests, "portal", handler);
                    }
                });
        ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(acceptors, connections, requests);
            throw new PortalBindException("Cannot listen on " + config.host() + ":" + config.port() + " for the portal: "
                    + bound.cause().getMessage() + " (set portal.port to a free port, or portal.enabled: false)", bound.cause());
        }
        return new PortalServer(acceptors, connections, requests, bound.channel(), config.host());
    }

    /** The port actually listened on. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Where a browser opens the portal. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    /** The portal's address cannot be listened on. */
    public static final class PortalBindException extends IOException {
        PortalBindException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutDown(acceptors, connections, requests);
    }

    private static void shutDown(EventLoopGroup acceptors, EventLoopGroup connections, EventExecutorGroup requests) {
        for (EventExecutorGroup group : new EventExecutorGroup[] {acceptors, connections, requests}) {
            if (!group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS)) {
                LOG.warn("Portal threads still running after 5 s; leaving them");
            }
        }
    }
}
