package io.meshgate.server.launcher;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.engine.QueryEngine;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.engine.product.ProductFiles;
import io.meshgate.engine.product.ProductLoadException;
import io.meshgate.engine.product.ProductStore;
import io.meshgate.engine.product.Products;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.eval.OpenAccessPolicy;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.eval.TagBindings;
import io.meshgate.policy.load.PolicyLoadException;
import io.meshgate.policy.load.PolicyStore;
import io.meshgate.server.audit.AuditLog;
import io.meshgate.server.audit.QueryAuditor;
import io.meshgate.server.auth.FlightAuthentication;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.config.ConfigError;
import io.meshgate.server.config.ConfigException;
import io.meshgate.server.config.DomainConfig;
import io.meshgate.server.config.GovernanceConfig;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.Password;
import io.meshgate.server.config.UserConfig;
import io.meshgate.server.transport.flight.FlightSqlEndpoint;
import io.meshgate.spi.Connector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens every domain's catalog, builds the mesh with its data products, the
 * governance, the engine, the audit log and the authentication, and serves them over Flight SQL.
 * {@link #close()} stops the server, then stops watching the policy and product files and closes
 * the audit log, the catalogs and the allocator; it is safe to call more than once.
 */
public final class MeshgateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeshgateServer.class);

    private final BufferAllocator allocator;
    private final MeshCatalog mesh;
    /** How often the policy files are checked for changes. */
    private static final Duration POLICY_POLL_INTERVAL = Duration.ofSeconds(2);
    /** How often the product files are checked for changes. */
    private static final Duration PRODUCT_POLL_INTERVAL = Duration.ofSeconds(2);

    private final AuditLog audit;
    private final Optional<PolicyStore> policies;
    private final Optional<ProductStore> products;
    private final FlightSqlEndpoint endpoint;
    private final MeshgateConfig config;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private MeshgateServer(MeshgateConfig config, BufferAllocator allocator, MeshCatalog mesh, AuditLog audit, Optional<PolicyStore> policies,
            Optional<ProductStore> products, FlightSqlEndpoint endpoint) {
        this.policies = policies;
        this.products = products;
        this.config = config;
        this.allocator = allocator;
        this.mesh = mesh;
        this.audit = audit;
        this.endpoint = endpoint;
    }

    /**
     * Starts serving {@code config}.
     *
     * @throws MeshgateException when a catalog or the audit log cannot be opened
     * @throws IOException when the address cannot be listened on
     */
    public static MeshgateServer start(MeshgateConfig config) throws IOException {
        requireNonNull(config, "config is null");
        warnAboutPlainPasswords(config.auth().users());
        Optional<PolicyStore> policies = openPolicies(config.governance());
        Governance governance = governance(config.governance(), policies);
        Optional<ProductStore> products;
        try {
            products = openProducts(config.products());
        } catch (RuntimeException e) {
            policies.ifPresent(PolicyStore::close);
            throw e;
        }
        AuditLog audit;
        MeshCatalog mesh;
        try {
            audit = openAuditLog(config.governance());
        } catch (RuntimeException e) {
            policies.ifPresent(PolicyStore::close);
            products.ifPresent(ProductStore::close);
            throw e;
        }
        try {
            Products described = new Products(products.<Supplier<ProductFiles>>map(store -> store).orElse(ProductFiles::none), Clock.systemUTC());
            mesh = new MeshCatalog(openDomains(config.domains()), described);
        } catch (RuntimeException e) {
            audit.close();
            policies.ifPresent(PolicyStore::close);
            products.ifPresent(ProductStore::close);
            throw e;
        }
        BufferAllocator allocator = new RootAllocator();
        try {
            QueryEngine engine = new QueryEngine(mesh, allocator, governance);
            UserDirectory users = new UserDirectory(config.auth().users());
            FlightSqlEndpoint endpoint = FlightSqlEndpoint.start(config.server(), config.query().timeout(),
                    engine::prepare, engine::catalogView, engine.systemTables(), new QueryAuditor(audit, governance), users,
                    FlightAuthentication.create(users, config.auth().tokenTtl()), allocator);
            return new MeshgateServer(config, allocator, mesh, audit, policies, products, endpoint);
        } catch (IOException | RuntimeException e) {
            policies.ifPresent(PolicyStore::close);
            products.ifPresent(ProductStore::close);
            audit.close();
            mesh.close();
            allocator.close();
            throw e;
        }
    }

    /** The port listened on (the configured one, or the one picked for port 0). */
    public int port() {
        return endpoint.port();
    }

    /** Bytes of Arrow memory held right now by queries and results in flight; for tests that check a query freed its buffers. */
    long allocatedBytes() {
        return allocator.getAllocatedMemory();
    }

    /** How many queries are streaming results right now. */
    public int runningQueries() {
        return endpoint.runningQueries();
    }

    public MeshgateConfig config() {
        return config;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            endpoint.close();
            policies.ifPresent(PolicyStore::close);
            products.ifPresent(ProductStore::close);
            audit.close();
            mesh.close();
            allocator.close();
            LOG.info("Meshgate stopped");
        } finally {
            stopped.countDown();
        }
    }

    /**
     * The policy files in force, watched for changes, when {@code policies} is configured. Invalid
     * files stop the start with every problem listed; later, an invalid change is rejected whole
     * and the previous set keeps answering.
     */
    private static Optional<PolicyStore> openPolicies(GovernanceConfig config) {
        if (config.policies().isEmpty()) {
            return Optional.empty();
        }
        TagBindings bindings = new TagBindings();
        try {
            PolicyStore store = PolicyStore.open(config.policies().get(), new PolicySqlChecker(),
                    set -> new PolicyEvaluator(set, bindings, Clock.systemUTC()));
            store.startWatching(POLICY_POLL_INTERVAL);
            LOG.info("Policies in force from {}: revision {}", config.policies().get(), store.current().shortRevision());
            return Optional.of(store);
        } catch (PolicyLoadException e) {
            throw new ConfigException(e.problems().stream()
                    .map(p -> new ConfigError(p.file() + ":" + p.line(), "policies", "[" + p.rule() + "] " + p.message()))
                    .toList());
        }
    }

    /**
     * The product files in force, watched for changes, when {@code products} is configured. Invalid
     * files stop the start with every problem listed; later, an invalid change is rejected whole
     * and the files in force stay.
     */
    private static Optional<ProductStore> openProducts(Optional<Path> folder) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            ProductStore store = ProductStore.open(folder.get());
            store.startWatching(PRODUCT_POLL_INTERVAL);
            LOG.info("Product files in force from {}: {} product(s) described", folder.get(), store.get().entries().size());
            return Optional.of(store);
        } catch (ProductLoadException e) {
            throw new ConfigException(e.problems().stream()
                    .map(p -> new ConfigError(p.file() + ":" + p.line(), "products", p.message()))
                    .toList());
        }
    }

    private static Governance governance(GovernanceConfig config, Optional<PolicyStore> policies) {
        if (policies.isPresent()) {
            return new Governance(policies.get(), HashKey.of(config.hashKey().orElseThrow()));
        }
        LOG.warn("no policies configured: every authenticated user sees every table");
        return config.hashKey().map(key -> new Governance(OpenAccessPolicy.allowAll(), HashKey.of(key))).orElseGet(Governance::open);
    }

    private static AuditLog openAuditLog(GovernanceConfig config) {
        try {
            AuditLog audit = AuditLog.of(config.auditFile());
            config.auditFile().ifPresentOrElse(file -> LOG.info("Audit log: {}", file),
                    () -> LOG.warn("no audit file configured: queries are not audited (set audit: {file: PATH})"));
            return audit;
        } catch (UncheckedIOException e) {
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR, e.getMessage() + " (check audit.file and the directory's permissions)", e);
        }
    }

    private static List<Domain> openDomains(List<DomainConfig> domains) {
        List<Domain> opened = new ArrayList<>();
        try {
            for (DomainConfig domain : domains) {
                Connector connector = IcebergConnector.open(domain.catalog());
                opened.add(new Domain(domain.name(), connector, domain.schemas()));
                LOG.info("Domain {}: Iceberg JDBC catalog {}", domain.name(), domain.catalog().uri());
            }
            return opened;
        } catch (RuntimeException e) {
            opened.forEach(d -> d.connector().close());
            throw e;
        }
    }

    private static void warnAboutPlainPasswords(List<UserConfig> users) {
        for (UserConfig user : users) {
            if (user.password() instanceof Password.Plain) {
                LOG.warn("User '{}' has a plain-text password in the configuration: use password: {bcrypt: \"$2a$...\"}"
                        + " outside demos and tests", user.name());
            }
        }
    }
}
