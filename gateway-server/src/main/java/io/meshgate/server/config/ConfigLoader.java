package io.meshgate.server.config;

import io.meshgate.connector.iceberg.GlueCatalogSpec;
import io.meshgate.connector.iceberg.IcebergCatalogSpec;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.RestCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.jdbc.PostgresSpec;
import io.meshgate.engine.catalog.Link;
import io.meshgate.engine.catalog.LinkOwner;
import io.meshgate.engine.catalog.ObjectName;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.SchemaBinding;
import io.meshgate.yaml.YamlNode;
import io.meshgate.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Binds {@code meshgate.yaml} to a {@link MeshgateConfig}.
 *
 * <p>Every key has a default except the domains and users. {@code links:} lists resource links
 * (POLICY.md section 4), none by default. Relative paths ({@code policies},
 * {@code audit.file}, {@code products}, {@code contracts.results}, {@code server.tls.cert} and
 * {@code .key}) are resolved against the
 * configuration file's directory by {@link #load}; {@link #parse} leaves them as written. The TLS
 * files are read while binding, so a missing or unreadable certificate or key is reported with
 * the other errors. Every scalar key can be overridden by
 * an environment variable named {@code MESHGATE_} plus the key path in upper case, with each run
 * of other characters turned into {@code _} ({@code server.port} is {@code MESHGATE_SERVER_PORT},
 * {@code domains[0].catalog.password} is {@code MESHGATE_DOMAINS_0_CATALOG_PASSWORD}). Unknown keys,
 * wrong types, missing required keys, duplicates and unsupported values are all collected and
 * thrown together in one {@link ConfigException}, each with its file and line.
 *
 * <p>A domain's {@code catalog} has a {@code type} ({@code jdbc} when absent) that decides its other keys:
 * <ul>
 *   <li>{@code jdbc}, an Iceberg JDBC catalog: {@code uri} (required, {@code jdbc:sqlite:...} or
 *       {@code jdbc:postgresql://...}), {@code user}, {@code password}, {@code catalog-name} (the domain's
 *       name when absent), {@code warehouse} (required, {@code file:///...} or {@code s3://...}), {@code s3}.
 *   <li>{@code rest}, an Iceberg REST catalog: {@code uri} (required, the base URI, {@code http://...} or
 *       {@code https://...}, the part before {@code /v1/}); {@code warehouse} (the warehouse to ask the server
 *       for); {@code credential} (OAuth2 client credentials, {@code client-id:client-secret}, exchanged for a
 *       token) or {@code token} (a bearer token sent as it is), neither for a catalog without
 *       authentication; {@code oauth2-server-uri} (the token endpoint when it is not the catalog's own
 *       {@code v1/oauth/tokens}) and {@code scope} (the OAuth2 scope, Iceberg's default {@code catalog}),
 *       both with a credential only; {@code prefix} (the routes' path prefix, when the server's
 *       configuration gives none); {@code s3}.
 *   <li>{@code glue}, AWS Glue through Iceberg's Glue catalog: {@code region} (required, serves Glue and
 *       S3); {@code endpoint} (an endpoint override for the Glue API); {@code access-key-id} and
 *       {@code secret-access-key} (both or neither; for Glue, and for S3 unless {@code s3} has its own;
 *       neither: the AWS SDK's default chain); {@code catalog-id} (the AWS account id of the Glue catalog,
 *       the credentials' own when absent); {@code warehouse} (required, {@code s3://...}); {@code s3}
 *       (without {@code region}, or the same region).
 * </ul>
 * {@code s3} reaches an S3 API for tables in {@code s3://}: {@code endpoint} (an override, for MinIO and
 * other S3-compatible servers), {@code region}, {@code access-key-id} and {@code secret-access-key} (both
 * or neither), {@code path-style-access} (false). Secrets ({@code password}, {@code credential},
 * {@code token}, {@code secret-access-key}, {@code access-key-id}) never appear in {@code toString()},
 * logs or errors; give them through the environment ({@code MESHGATE_DOMAINS_0_CATALOG_CREDENTIAL}).
 */
public final class ConfigLoader {
    private static final List<String> CATALOG_TYPES = List.of("jdbc", "rest", "glue", "postgresql");

    private ConfigLoader() {
    }

    /** Loads a file, with overrides from {@code environment} (pass {@code System.getenv()}). */
    public static MeshgateConfig load(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), "(document)", "no such file")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), "(document)", "cannot read the file: " + e.getMessage())));
        }
        Path directory = file.toAbsolutePath().getParent();
        MeshgateConfig config = bind(text, file.getFileName().toString(), environment, directory);
        return config.withServer(config.server().resolveAgainst(directory))
                .withGovernance(config.governance().resolveAgainst(directory))
                .withContracts(config.contracts().resolveAgainst(directory))
                .withProducts(config.products().map(directory::resolve));
    }

    /**
     * Binds YAML text; {@code fileName} only names the source in error messages. Relative TLS file
     * paths are checked against the working directory.
     */
    public static MeshgateConfig parse(String yaml, String fileName, Map<String, String> environment) {
        return bind(yaml, fileName, environment, Path.of(""));
    }

    /** Binds YAML text, reading the TLS files named in it relative to {@code directory}. */
    private static MeshgateConfig bind(String yaml, String fileName, Map<String, String> environment, Path directory) {
        List<ConfigError> errors = new ArrayList<>();
        Optional<YamlNode> root = YamlReader.read(yaml, problem -> errors.add(new ConfigError(fileName + ":" + problem.line(),
                problem.path().isEmpty() ? "(document)" : problem.path(), problem.message())));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Map<String, YamlNode> entries = Map.of();
        if (root.isPresent()) {
            if (root.get() instanceof YamlNode.Mapping mapping) {
                entries = mapping.entries();
            } else if (!(root.get() instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.NULL)) {
                throw new ConfigException(List.of(new ConfigError(fileName + ":" + root.get().line(), "(document)",
                        "must be a mapping with server, auth and domains")));
            }
        }
        Section top = new Section(fileName, "", 1, entries, environment, errors);
        ServerConfig server = bindServer(top.sectionOrEmpty("server"), directory);
        PortalConfig portal = bindPortal(top.sectionOrEmpty("portal"));
        AuthConfig auth = bindAuth(top.sectionOrEmpty("auth"));
        QueryConfig query = bindQuery(top.sectionOrEmpty("query"));
        Optional<GovernanceConfig> governance = bindGovernance(top);
        ContractsConfig contracts = bindContracts(top);
        List<DomainConfig> domains = bindDomains(top);
        List<Link> links = bindLinks(top, domains.stream().map(DomainConfig::name).collect(Collectors.toSet()));
        Optional<Path> products = path(top, "products");
        top.rejectUnknownKeys();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new MeshgateConfig(server, portal, auth, query, governance.orElseThrow(), contracts, domains, links, products);
    }

    private static ServerConfig bindServer(Section section, Path directory) {
        String host = section.string("host", ServerConfig.DEFAULT_HOST);
        int port = section.integer("port", ServerConfig.DEFAULT_PORT, 0, 65535);
        Section tlsSection = section.sectionOrEmpty("tls");
        boolean tlsGiven = section.has("tls") || tlsSection.has("cert") || tlsSection.has("key");
        Optional<TlsConfig> tls = tlsGiven ? bindTls(tlsSection, directory) : Optional.empty();
        section.rejectUnknownKeys();
        return new ServerConfig(host, port, tls);
    }

    private static PortalConfig bindPortal(Section section) {
        String host = section.string("host", PortalConfig.DEFAULT_HOST);
        int port = section.integer("port", PortalConfig.DEFAULT_PORT, 0, 65535);
        boolean enabled = section.bool("enabled", true);
        section.rejectUnknownKeys();
        return new PortalConfig(host, port, enabled);
    }

    /** {@code cert} and {@code key}, both required, read as the server will read them; empty after recording an error. */
    private static Optional<TlsConfig> bindTls(Section tls, Path directory) {
        Optional<Path> cert = path(tls, "cert");
        Optional<Path> key = path(tls, "key");
        if (cert.isEmpty() && !tls.has("cert")) {
            tls.error("cert", "required: the server's certificate chain, a PEM file");
        }
        if (key.isEmpty() && !tls.has("key")) {
            tls.error("key", "required: the certificate's private key, an unencrypted PKCS#8 PEM file");
        }
        tls.rejectUnknownKeys();
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        TlsFiles.Result<List<X509Certificate>> chain = TlsFiles.certificates(directory.resolve(cert.get()));
        TlsFiles.Result<PrivateKey> privateKey = TlsFiles.privateKey(directory.resolve(key.get()));
        chain.problem().ifPresent(problem -> tls.error("cert", problem));
        privateKey.problem().ifPresent(problem -> tls.error("key", problem));
        if (chain.value().isEmpty() || privateKey.value().isEmpty()) {
            return Optional.empty();
        }
        if (!TlsFiles.belongTogether(privateKey.value().get(), chain.value().get().get(0))) {
            tls.error("key", "the key in '" + key.get() + "' is not the private key of the first certificate in '" + cert.get()
                    + "' (give the key the certificate was issued for)");
            return Optional.empty();
        }
        return Optional.of(new TlsConfig(cert.get(), key.get()));
    }

    private static QueryConfig bindQuery(Section section) {
        Duration timeout = section.duration("timeout", QueryConfig.DEFAULT_TIMEOUT);
        section.rejectUnknownKeys();
        return new QueryConfig(timeout);
    }

    private static AuthConfig bindAuth(Section section) {
        int ttlSeconds = section.integer("token-ttl-seconds", (int) AuthConfig.DEFAULT_TOKEN_TTL.toSeconds(), 1, Integer.MAX_VALUE);
        List<Section> userSections = section.sections("users");
        if (userSections.isEmpty() && !section.has("users")) {
            section.error("users", "required: at least one user (name and password)");
        }
        List<UserConfig> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section userSection : userSections) {
            String name = userSection.requiredString("name");
            Optional<Password> password = bindPassword(userSection);
            List<String> groups = userSection.strings("groups");
            userSection.rejectUnknownKeys();
            if (!name.isEmpty() && !names.add(name)) {
                userSection.error("name", "duplicate user '" + name + "'");
            }
            if (!name.isBlank() && password.isPresent()) {
                users.add(new UserConfig(name, password.get(), new LinkedHashSet<>(groups)));
            }
        }
        section.rejectUnknownKeys();
        return new AuthConfig(users, Duration.ofSeconds(ttlSeconds));
    }

    private static Optional<Password> bindPassword(Section user) {
        Optional<Section> maybe = user.section("password");
        if (maybe.isEmpty()) {
            if (!user.has("password")) {
                user.error("password", "required: {plain: ...} or {bcrypt: \"$2a$...\"}");
            }
            return Optional.empty();
        }
        Section password = maybe.get();
        Optional<String> plain = password.string("plain");
        Optional<String> bcrypt = password.string("bcrypt");
        password.rejectUnknownKeys();
        if (plain.isPresent() == bcrypt.isPresent()) {
            password.errorHere("give exactly one of plain or bcrypt");
            return Optional.empty();
        }
        if (plain.isPresent()) {
            return Optional.of(new Password.Plain(plain.get()));
        }
        try {
            return Optional.of(new Password.Bcrypt(bcrypt.get()));
        } catch (IllegalArgumentException e) {
            password.error("bcrypt", "not a bcrypt hash (expected $2a$, $2b$ or $2y$, a cost and 53 characters)");
            return Optional.empty();
        }
    }

    /** {@code policies}, {@code policy-hash-key} and {@code audit}; empty after recording an error. */
    private static Optional<GovernanceConfig> bindGovernance(Section top) {
        Optional<Path> policies = path(top, "policies");
        Optional<String> hashKey = top.string("policy-hash-key");
        Section audit = top.sectionOrEmpty("audit");
        Optional<Path> auditFile = path(audit, "file");
        audit.rejectUnknownKeys();
        boolean valid = true;
        if (policies.isPresent() && hashKey.isEmpty()) {
            top.error("policy-hash-key", "required when policies is set: a secret of at least " + GovernanceConfig.MIN_HASH_KEY_LENGTH
                    + " characters for HASH masks (or set " + Section.environmentName("policy-hash-key") + ")");
            valid = false;
        }
        if (hashKey.isPresent() && hashKey.get().length() < GovernanceConfig.MIN_HASH_KEY_LENGTH) {
            top.error("policy-hash-key", "must be at least " + GovernanceConfig.MIN_HASH_KEY_LENGTH + " characters long");
            valid = false;
        }
        return valid ? Optional.of(new GovernanceConfig(policies, hashKey, auditFile)) : Optional.empty();
    }

    /** {@code contracts.results}, the path as written. */
    private static ContractsConfig bindContracts(Section top) {
        Section contracts = top.sectionOrEmpty("contracts");
        Path results = path(contracts, "results").orElse(Path.of(ContractsConfig.DEFAULT_RESULTS));
        contracts.rejectUnknownKeys();
        return new ContractsConfig(results);
    }

    /** A path as written; empty after recording an error when it is blank or not a valid path. */
    private static Optional<Path> path(Section section, String key) {
        Optional<String> text = section.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            section.error(key, "must not be blank");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.get()));
        } catch (InvalidPathException e) {
            section.error(key, "not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    private static List<DomainConfig> bindDomains(Section top) {
        List<Section> domainSections = top.sections("domains");
        if (domainSections.isEmpty() && !top.has("domains")) {
            top.error("domains", "required: at least one domain");
        }
        List<DomainConfig> domains = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section domain : domainSections) {
            String name = domain.requiredString("name");
            if (!name.isEmpty() && !names.add(name)) {
                domain.error("name", "duplicate domain '" + name + "'");
            }
            if (name.equalsIgnoreCase(MeshCatalog.RESERVED_CATALOG)) {
                domain.error("name", "'" + name + "' is reserved for Meshgate's system tables (mesh.meta.*): give the domain another name");
            }
            Optional<DomainSource> catalog = bindCatalog(domain, name);
            List<SchemaBinding> schemas = bindSchemas(domain);
            domain.rejectUnknownKeys();
            if (!name.isBlank() && catalog.isPresent()) {
                domains.add(new DomainConfig(name, catalog.get(), schemas));
            }
        }
        return domains;
    }

    /**
     * The domain's {@code catalog}: its {@code type} (jdbc when absent) decides which keys it has, an
     * Iceberg catalog or a PostgreSQL database; empty after recording an error.
     */
    private static Optional<DomainSource> bindCatalog(Section domain, String domainName) {
        Optional<Section> maybe = domain.section("catalog");
        if (maybe.isEmpty()) {
            if (!domain.has("catalog")) {
                domain.error("catalog", "required");
            }
            return Optional.empty();
        }
        Section catalog = maybe.get();
        String type = catalog.string("type", "jdbc");
        Optional<DomainSource> spec = switch (type) {
            case "jdbc" -> bindJdbcCatalog(catalog, domainName).map(DomainSource.IcebergSource::new);
            case "rest" -> bindRestCatalog(catalog, domainName).map(DomainSource.IcebergSource::new);
            case "glue" -> bindGlueCatalog(catalog, domainName).map(DomainSource.IcebergSource::new);
            case "postgresql" -> bindPostgres(catalog).map(DomainSource.DatabaseSource::new);
            default -> {
                catalog.error("type", "unsupported catalog type '" + type + "' (supported: " + String.join(", ", CATALOG_TYPES) + ")");
                yield Optional.empty();
            }
        };
        catalog.rejectUnknownKeys();
        return spec;
    }

    private static Optional<IcebergCatalogSpec> bindJdbcCatalog(Section catalog, String domainName) {
        String uri = catalog.requiredString("uri");
        boolean valid = !uri.isEmpty();
        if (valid && !uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
            catalog.error("uri", "must be jdbc:sqlite:... or jdbc:postgresql://..., got '" + uri + "'");
            valid = false;
        }
        Optional<String> user = catalog.string("user");
        Optional<String> password = catalog.string("password");
        String catalogName = catalog.string("catalog-name", domainName);
        String warehouse = catalog.requiredString("warehouse");
        Optional<S3Options> s3 = bindS3(catalog.sectionOrEmpty("s3"));
        if (!valid || warehouse.isEmpty() || catalogName.isBlank() || s3.isEmpty()) {
            return Optional.empty();
        }
        return build(catalog, () -> new JdbcCatalogSpec(uri, user, password, catalogName, warehouse, s3.get()));
    }

    private static Optional<IcebergCatalogSpec> bindRestCatalog(Section catalog, String domainName) {
        String uri = catalog.requiredString("uri");
        boolean valid = !uri.isEmpty();
        if (valid && !isHttp(uri)) {
            catalog.error("uri", "must be http://... or https://... (the catalog's base URI, the part before /v1/)");
            valid = false;
        }
        Optional<String> warehouse = catalog.string("warehouse");
        Optional<String> credential = catalog.string("credential");
        Optional<String> token = catalog.string("token");
        Optional<String> oauth2ServerUri = catalog.string("oauth2-server-uri");
        Optional<String> scope = catalog.string("scope");
        Optional<String> prefix = catalog.string("prefix");
        Optional<S3Options> s3 = bindS3(catalog.sectionOrEmpty("s3"));
        if (credential.isPresent() && !credential.get().matches("[^:]+:.+")) {
            catalog.error("credential", "must be client-id:client-secret (OAuth2 client credentials)");
            valid = false;
        }
        if (credential.isPresent() && token.isPresent()) {
            catalog.error("token", "give credential or token, not both");
            valid = false;
        }
        if (token.isPresent() && token.get().isBlank()) {
            catalog.error("token", "must not be blank");
            valid = false;
        }
        for (String key : List.of("oauth2-server-uri", "scope")) {
            if (catalog.has(key) && credential.isEmpty()) {
                catalog.error(key, "applies to a credential only (give credential: client-id:client-secret)");
                valid = false;
            }
        }
        if (oauth2ServerUri.isPresent() && !isHttp(oauth2ServerUri.get())) {
            catalog.error("oauth2-server-uri", "must be http://... or https://...");
            valid = false;
        }
        if (!valid || s3.isEmpty()) {
            return Optional.empty();
        }
        return build(catalog, () -> new RestCatalogSpec(uri, domainName, warehouse, credential, token, oauth2ServerUri, scope, prefix, s3.get()));
    }

    private static Optional<IcebergCatalogSpec> bindGlueCatalog(Section catalog, String domainName) {
        String region = catalog.requiredString("region");
        Optional<String> endpoint = catalog.string("endpoint");
        Optional<String> accessKeyId = catalog.string("access-key-id");
        Optional<String> secretAccessKey = catalog.string("secret-access-key");
        Optional<String> catalogId = catalog.string("catalog-id");
        String warehouse = catalog.requiredString("warehouse");
        Section s3Section = catalog.sectionOrEmpty("s3");
        Optional<S3Options> s3 = bindS3(s3Section);
        boolean valid = !region.isBlank() && !warehouse.isEmpty() && s3.isPresent();
        if (catalog.has("region") && region.isBlank()) {
            catalog.error("region", "must not be blank (the catalog's AWS region: us-east-1, eu-west-1, ...)");
        }
        if (endpoint.isPresent() && !isHttp(endpoint.get())) {
            catalog.error("endpoint", "must be http://... or https://... (an endpoint override for the Glue API)");
            valid = false;
        }
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            catalog.errorHere("give both access-key-id and secret-access-key, or neither");
            valid = false;
        }
        if (s3.isPresent() && s3.get().region().isPresent() && !s3.get().region().get().equals(region)) {
            s3Section.error("region", "differs from the Glue catalog's region '" + region
                    + "' (leave it out: the catalog's region applies to S3 too)");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        return build(catalog, () -> new GlueCatalogSpec(region, endpoint, accessKeyId, secretAccessKey, catalogId, domainName, warehouse,
                s3.get()));
    }

    /** The spec {@code build} makes, or empty after recording what its validation rejected at the catalog's line. */
    private static Optional<IcebergCatalogSpec> build(Section catalog, Supplier<IcebergCatalogSpec> build) {
        try {
            return Optional.of(build.get());
        } catch (IllegalArgumentException e) {
            catalog.errorHere(e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isHttp(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && uri.length() > lower.indexOf("//") + 2;
    }

    /**
     * A PostgreSQL database served as the domain: {@code url} (required), {@code user},
     * {@code password}, {@code pool-size} and {@code connection-timeout}. A URL is echoed in
     * errors only up to its options, which may hold a password.
     */
    private static Optional<PostgresSpec> bindPostgres(Section catalog) {
        String url = catalog.requiredString("url");
        Optional<String> user = catalog.string("user");
        Optional<String> password = catalog.string("password");
        int poolSize = catalog.integer("pool-size", PostgresSpec.DEFAULT_POOL_SIZE, 1, 1000);
        Duration connectionTimeout = catalog.duration("connection-timeout", PostgresSpec.DEFAULT_CONNECTION_TIMEOUT);
        boolean valid = !url.isEmpty();
        if (connectionTimeout.compareTo(PostgresSpec.MIN_CONNECTION_TIMEOUT) < 0) {
            catalog.error("connection-timeout", "must be at least " + PostgresSpec.MIN_CONNECTION_TIMEOUT.toMillis() + "ms");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostgresSpec(url, user, password, poolSize, connectionTimeout));
        } catch (IllegalArgumentException e) {
            catalog.error("url", "must be jdbc:postgresql://host:port/database, got '" + withoutOptions(url) + "'");
            return Optional.empty();
        }
    }

    private static String withoutOptions(String url) {
        int options = url.indexOf('?');
        return options < 0 ? url : url.substring(0, options) + "?...";
    }

    private static Optional<S3Options> bindS3(Section s3) {
        Optional<String> endpoint = s3.string("endpoint");
        Optional<String> region = s3.string("region");
        Optional<String> accessKeyId = s3.string("access-key-id");
        Optional<String> secretAccessKey = s3.string("secret-access-key");
        boolean pathStyle = s3.bool("path-style-access", false);
        s3.rejectUnknownKeys();
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            s3.errorHere("give both access-key-id and secret-access-key, or neither");
            return Optional.empty();
        }
        return Optional.of(new S3Options(endpoint, region, accessKeyId, secretAccessKey, pathStyle));
    }

    /**
     * {@code links:}, each {@code {name, target, owner: {user, groups}}}: a schema link names two
     * schemas ({@code analytics.sales} to {@code commerce.sales}), a table link two tables. A link
     * lives in a domain of links only, not in one of {@code dataDomains}; two links cannot share a
     * name, nor a table link lie in a schema link. Where targets lead (missing, cycles) is found
     * when the links are bound, per link, and never stops the server.
     */
    private static List<Link> bindLinks(Section top, Set<String> dataDomains) {
        List<Section> sections = top.sections("links");
        Map<ObjectName, Section> byName = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (Section section : sections) {
            Optional<ObjectName> name = objectName(section, "name");
            Optional<ObjectName> target = objectName(section, "target");
            Optional<LinkOwner> owner = bindLinkOwner(section);
            section.rejectUnknownKeys();
            if (name.isPresent() && byName.putIfAbsent(name.get(), section) != null) {
                section.error("name", "duplicate link '" + name.get() + "'");
                continue;
            }
            if (name.isEmpty() || target.isEmpty() || owner.isEmpty()) {
                continue;
            }
            if (dataDomains.contains(name.get().domain())) {
                section.error("name", "'" + name.get() + "' is in domain '" + name.get().domain() + "', which holds data: a link lives in a"
                        + " domain of links only (name it in another domain, such as analytics." + name.get().schema() + ")");
            } else if (name.get().isTable() != target.get().isTable()) {
                section.error("target", "'" + target.get() + "' is a " + (target.get().isTable() ? "table" : "schema") + " and '" + name.get()
                        + "' a " + (name.get().isTable() ? "table" : "schema") + " (a schema link targets a schema, a table link a table)");
            } else if (name.get().equals(target.get())) {
                section.error("target", "the link targets itself (give another schema or table)");
            } else {
                links.add(new Link(name.get(), target.get(), owner.get()));
            }
        }
        List<Link> valid = new ArrayList<>();
        for (Link link : links) {
            if (link.name().isTable() && links.stream().anyMatch(other -> other.isSchemaLink() && other.name().equals(link.name().schemaName()))) {
                byName.get(link.name()).error("name", "'" + link.name() + "' lies in schema link " + link.name().schemaName()
                        + ", whose tables are its target's (put the table link in another schema)");
            } else {
                valid.add(link);
            }
        }
        return valid;
    }

    /** A required {@code domain.schema} or {@code domain.schema.table}; empty after recording an error. */
    private static Optional<ObjectName> objectName(Section section, String key) {
        String text = section.requiredString(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ObjectName.parse(text));
        } catch (IllegalArgumentException e) {
            section.error(key, "'" + text + "' is not a schema or table name (write domain.schema or domain.schema.table)");
            return Optional.empty();
        }
    }

    /** {@code owner: {user: NAME, groups: [..]}}, at least one of them; empty after recording an error. */
    private static Optional<LinkOwner> bindLinkOwner(Section link) {
        Optional<Section> maybe = link.section("owner");
        if (maybe.isEmpty()) {
            if (!link.has("owner")) {
                link.error("owner", "required: who grants access through the link, {groups: [...]} or {user: NAME}");
            }
            return Optional.empty();
        }
        Section owner = maybe.get();
        Optional<String> user = owner.string("user");
        List<String> groups = owner.strings("groups");
        owner.rejectUnknownKeys();
        if (user.isEmpty() && groups.isEmpty()) {
            owner.errorHere("name a user or at least one group");
            return Optional.empty();
        }
        if (user.map(String::isBlank).orElse(false) || groups.stream().anyMatch(String::isBlank)) {
            owner.errorHere("names must not be blank");
            return Optional.empty();
        }
        return Optional.of(new LinkOwner(user, new LinkedHashSet<>(groups)));
    }

    private static List<SchemaBinding> bindSchemas(Section domain) {
        List<SchemaBinding> bindings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section schema : domain.sections("schemas")) {
            String name = schema.requiredString("name");
            String namespace = schema.string("namespace", name);
            schema.rejectUnknownKeys();
            if (name.isBlank()) {
                continue;
            }
            if (!names.add(name)) {
                schema.error("name", "duplicate schema '" + name + "'");
                continue;
            }
            if (namespace.isBlank()) {
                schema.error("namespace", "must not be blank");
                continue;
            }
            bindings.add(new SchemaBinding(name, namespace));
        }
        return bindings;
    }
}
