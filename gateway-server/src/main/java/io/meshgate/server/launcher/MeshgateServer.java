package io.meshgate.server.launcher;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.jdbc.PostgresConnector;
import io.meshgate.engine.QueryEngine;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.LinkBinding;
import io.meshgate.engine.catalog.LinkGrantors;
import io.meshgate.engine.catalog.LinkStatus;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.engine.meta.ContractsTable;
import io.meshgate.engine.meta.SystemTables;
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
import io.meshgate.policy.load.GrantorCheck;
import io.meshgate.policy.load.PolicyLoadException;
import io.meshgate.policy.load.PolicyStore;
import io.meshgate.server.audit.AuditLog;
import io.meshgate.server.audit.QueryAuditor;
import io.meshgate.server.audit.QueryRecorder;
import io.meshgate.server.auth.FlightAuthentication;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.config.ConfigError;
import io.meshgate.server.config.ConfigException;
import io.meshgate.server.config.DomainConfig;
import io.meshgate.server.config.DomainSource;
import io.meshgate.server.config.GovernanceConfig;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.Password;
import io.meshgate.server.config.UserConfig;
import io.meshgate.server.metrics.ProductMetrics;
import io.meshgate.server.portal.PortalServer;
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
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens every domain's catalog, builds the mesh with its data products and
 * binds its resource links, loads the governance (checking re-grants on links against their
 * owners), builds the engine, the audit log and the authentication, and serves them over Flight SQL
 * and the web portal (unless {@code portal.enabled} is false). {@link #close()} stops both servers,
 * then stops watching the policy and product files and closes the audit log, the catalogs and the
 * allocator; it is safe to call more than once.
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
    private final Optional<PortalServer> portal;
    private final MeshgateConfig config;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private MeshgateServer(MeshgateConfig config, BufferAllocator allocator, MeshCatalog mesh, AuditLog audit, Optional<PolicyStore> policies,
            Optional<ProductStore> products, FlightSqlEndpoint endpoint, Optional<PortalServer> portal) {
        this.portal = portal;
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
        Optional<ProductStore> products = openProducts(config.products());
        Products described = new Products(products.<Supplier<ProductFiles>>map(store -> store).orElse(ProductFiles::none), Clock.systemUTC());
        // The mesh first: policy files that re-grant on links are checked against what the links' owners get there.
        MeshCatalog mesh;
        try {
            List<Domain> domains = openDomains(config.domains());
            try {
                mesh = new MeshCatalog(domains, config.links(), described);
            } catch (RuntimeException e) {
                domains.forEach(d -> d.connector().close());
                throw e;
            }
        } catch (RuntimeException e) {
            products.ifPresent(ProductStore::close);
            throw e;
        }
        logLinks(mesh.links().bindings());
        Optional<PolicyStore> policies;
        Governance governance;
        AuditLog audit;
        try {
            policies = openPolicies(config.governance(), mesh);
            governance = governance(config.governance(), policies);
        } catch (RuntimeException e) {
            mesh.close();
            products.ifPresent(ProductStore::close);
            throw e;
        }
        try {
            audit = openAuditLog(config.governance());
        } catch (RuntimeException e) {
            policies.ifPresent(PolicyStore::close);
            products.ifPresent(ProductStore::close);
            mesh.close();
            throw e;
        }
        BufferAllocator allocator = new RootAllocator();
        Optional<PortalServer> portal = Optional.empty();
        try {
            ContractResults contracts = new ContractResults(config.contracts().results());
            QueryEngine engine = new QueryEngine(mesh, allocator, governance, SystemTables.standard().with(new ContractsTable(contracts)));
            UserDirectory users = new UserDirectory(config.auth().users());
            ProductMetrics metrics = new ProductMetrics();
            portal = config.portal().enabled()
                    ? Optional.of(PortalServer.start(config.portal(), engine::catalogView, users, config.auth().tokenTtl(), metrics, contracts))
                    : Optional.empty();
            portal.ifPresent(p -> LOG.info("Portal: {}", p.url()));
            FlightSqlEndpoint endpoint = FlightSqlEndpoint.start(config.server(), config.query().timeout(),
                    engine::prepare, engine::catalogView, engine.systemTables(), QueryRecorder.all(new QueryAuditor(audit, governance), metrics),
                    users, FlightAuthentication.create(users, config.auth().tokenTtl()), allocator);
            return new MeshgateServer(config, allocator, mesh, audit, policies, products, endpoint, portal);
        } catch (IOException | RuntimeException e) {
            portal.ifPresent(PortalServer::close);
            policies.ifPresent(PolicyStore::close);
            products.ifPresent(ProductStore::close);
            audit.close();
            mesh.close();
            allocator.close();
            throw e;
        }
    }

    /**
     * Binds every resource link again to what its target is now (POLICY.md section 4: a DANGLING
     * link stays so until this is done): a re-created table becomes reachable again, a schema link
     * reaches the tables its target schema holds now. Statements prepared before are planned again.
     *
     * @return every link as now bound
     */
    public List<LinkBinding> rebindLinks() {
        List<LinkBinding> bindings = mesh.links().rebind();
        logLinks(bindings);
        return bindings;
    }

    /** The port listened on (the configured one, or the one picked for port 0). */
    public int port() {
        return endpoint.port();
    }

    /** Where a browser opens the portal; empty when it is off ({@code portal.enabled: false}). */
    public Optional<String> portalUrl() {
        return portal.map(PortalServer::url);
    }

    /** The port the portal listens on (the configured one, or the one picked for port 0); empty when it is off. */
    public OptionalInt portalPort() {
        return portal.map(p -> OptionalInt.of(p.port())).orElse(OptionalInt.empty());
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
            portal.ifPresent(PortalServer::close);
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
    private static Optional<PolicyStore> openPolicies(GovernanceConfig config, MeshCatalog mesh) {
        if (config.policies().isEmpty()) {
            return Optional.empty();
        }
        TagBindings bindings = new TagBindings();
        HashKey hashKey = HashKey.of(config.hashKey().orElseThrow());
        try {
            PolicyStore store = PolicyStore.open(config.policies().get(), new PolicySqlChecker(), set -> {
                PolicyEvaluator evaluator = new PolicyEvaluator(set, bindings, Clock.systemUTC());
                GrantorCheck.requireWithinGrantors(set, LinkGrantors.of(mesh, new Governance(evaluator, hashKey), set));
                return evaluator;
            });
            store.startWatching(POLICY_POLL_INTERVAL);
            LOG.info("Policies in force from {}: revision {}", config.policies().get(), store.current().shortRevision());
            return Optional.of(store);
        } catch (PolicyLoadException e) {
            throw new ConfigException(e.problems().stream()
                    .map(p -> new ConfigError(p.file() + ":" + p.line(), "policies", "[" + p.rule() + "] " + p.message()))
                    .toList());
        }
    }

    private static void logLinks(List<LinkBinding> bindings) {
        for (LinkBinding binding : bindings) {
            if (binding.status() == LinkStatus.OK) {
                LOG.info("Link {} -> {}: {}", binding.link().name(), binding.link().target(), binding.detail());
            }
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

    /** Opens every domain's catalog; when one fails, those already opened are closed again. */
    static List<Domain> openDomains(List<DomainConfig> domains) {
        List<Domain> opened = new ArrayList<>();
        try {
            for (DomainConfig domain : domains) {
                opened.add(new Domain(domain.name(), openConnector(domain), domain.schemas()));
            }
            return opened;
        } catch (RuntimeException e) {
            opened.forEach(d -> d.connector().close());
            throw e;
        }
    }

    /**
     * The connector of one domain's source, opened; a source that cannot be reached fails the start
     * with {@code EXTERNAL_ERROR} naming the domain and the source's address.
     */
    private static Connector openConnector(DomainConfig domain) {
        try {
            if (domain.source() instanceof DomainSource.DatabaseSource database) {
                Connector connector = PostgresConnector.open(domain.name(), database.database());
                LOG.info("Domain {}: PostgreSQL {} (pool of {})", domain.name(), database.database().describe(),
                        database.database().poolSize());
                return connector;
            }
            DomainSource.IcebergSource iceberg = (DomainSource.IcebergSource) domain.source();
            Connector connector = IcebergConnector.open(iceberg.catalog());
            LOG.info("Domain {}: {}", domain.name(), iceberg.catalog().describe());
            return connector;
        } catch (MeshgateException e) {
            throw new MeshgateException(e.code(), "Cannot open domain '" + domain.name() + "': " + e.getMessage(), e);
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
