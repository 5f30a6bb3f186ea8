package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.netty.NettyServerBuilder;
import io.meshgate.server.audit.QueryAuditor;
import io.meshgate.server.auth.UserDirectory;
import java.io.IOException;
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
     * Listens on {@code host:port} (port 0: any free port), without TLS.
     *
     * @param preparer      plans statements for a session
     * @param catalogViews  the mesh as each principal sees it, for listings
     * @param auditor       records every query run, and every statement that fails to plan
     * @param authenticator checks every call (see {@link io.meshgate.server.auth.FlightAuthentication})
     */
    public static FlightSqlEndpoint start(String host, int port, QueryPreparer preparer, CatalogViews catalogViews,
            QueryAuditor auditor, UserDirectory users, CallHeaderAuthenticator authenticator, BufferAllocator allocator)
            throws IOException {
        requireNonNull(host, "host is null");
        MeshgateFlightSqlProducer producer = new MeshgateFlightSqlProducer(
                requireNonNull(preparer, "preparer is null"), requireNonNull(catalogViews, "catalogViews is null"),
                requireNonNull(auditor, "auditor is null"), requireNonNull(users, "users is null"),
                requireNonNull(allocator, "allocator is null"));
        Consumer<NettyServerBuilder> clientInfo = builder -> builder.intercept(new ClientInfoInterceptor());
        FlightServer server = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port), producer)
                .headerAuthenticator(requireNonNull(authenticator, "authenticator is null"))
                .middleware(SessionOptions.MIDDLEWARE, new ServerSessionMiddleware.Factory(() -> UUID.randomUUID().toString()))
                .transportHint(GRPC_BUILDER_CONSUMER, clientInfo)
                .build();
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
