package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.netty.NettyServerBuilder;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.server.audit.QueryRecorder;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.config.ServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.ServerSessionMiddleware;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Flight SQL server over the mesh: started listening on construction, stopped by {@link #close()}. */
public final class FlightSqlEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSqlEndpoint.class);
    /** Arrow's hook for configuring the gRPC server it builds. */
    private static final String GRPC_BUILDER_CONSUMER = "grpc.builderConsumer";

    private final FlightServer server;
    private final MeshgateFlightSqlProducer producer;

    private FlightSqlEndpoint(FlightServer server, MeshgateFlightSqlProducer producer) {
        this.server = server;
        this.producer = producer;
    }

    /**
     * Listens on the server's {@code host:port} (port 0: any free port), with TLS when it has
     * certificate files (the JDK's TLS engine serves them).
     *
     * @param queryTimeout  how long one execution may stream (a client's shorter call deadline wins)
     * @param preparer      plans statements for a session
     * @param catalogViews  the mesh as each principal sees it, for listings
     * @param systemTables  the system tables queries may read, for listings
     * @param recorder      records every query run, and every statement that fails to plan (the audit log, the metrics)
     * @param authenticator checks every call (see {@link io.meshgate.server.auth.FlightAuthentication})
     */
    public static FlightSqlEndpoint start(ServerConfig config, Duration queryTimeout, QueryPreparer preparer, CatalogViews catalogViews,
            SystemTables systemTables, QueryRecorder recorder, UserDirectory users, CallHeaderAuthenticator authenticator,
            BufferAllocator allocator)
            throws IOException {
        requireNonNull(config, "config is null");
        MeshgateFlightSqlProducer producer = new MeshgateFlightSqlProducer(
                requireNonNull(preparer, "preparer is null"), requireNonNull(catalogViews, "catalogViews is null"),
                requireNonNull(systemTables, "systemTables is null"), requireNonNull(recorder, "recorder is null"), requireNonNull(users, "users is null"),
                requireNonNull(allocator, "allocator is null"), requireNonNull(queryTimeout, "queryTimeout is null"));
        Consumer<NettyServerBuilder> clientInfo = grpc -> grpc.intercept(new ClientInfoInterceptor());
        Location location = config.tls().isPresent()
                ? Location.forGrpcTls(config.host(), config.port())
                : Location.forGrpcInsecure(config.host(), config.port());
        FlightServer.Builder builder = FlightServer.builder(allocator, location, producer)
                .headerAuthenticator(requireNonNull(authenticator, "authenticator is null"))
                .middleware(SessionOptions.MIDDLEWARE, new ServerSessionMiddleware.Factory(() -> UUID.randomUUID().toString()))
                .transportHint(GRPC_BUILDER_CONSUMER, clientInfo);
        FlightServer server;
        try {
            if (config.tls().isPresent()) {
                builder.useTls(config.tls().get().certificateChain().toFile(), config.tls().get().privateKey().toFile());
            }
            server = builder.build();
        } catch (IOException | RuntimeException e) {
            producer.close();
            throw e;
        }
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            producer.close();
            closeQuietly(server);
            throw e;
        }
        return new FlightSqlEndpoint(server, producer);
    }

    /** The port actually listened on. */
    public int port() {
        return server.getPort();
    }

    /** How many queries are streaming results right now. */
    public int runningQueries() {
        return producer.runningQueries();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Flight server calls still running after 5 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(server);
        producer.close();
    }

    private static void closeQuietly(FlightServer server) {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Closing the Flight server failed", e);
        }
    }
}
