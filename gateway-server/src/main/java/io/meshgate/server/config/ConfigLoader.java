package io.meshgate.server.config;

import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code meshgate.yaml} to a {@link MeshgateConfig}.
 *
 * <p>Every key has a default except the domains and users. Relative paths ({@code policies},
 * {@code products}, {@code audit.file}, {@code server.tls.cert} and {@code .key}) are resolved against the
 * configuration file's directory by {@link #load}; {@link #parse} leaves them as written. The TLS
 * files are read while binding, so a missing or unreadable certificate or key is reported with
 * the other errors. Every scalar key can be overridden by
 * an environment variable named {@code MESHGATE_} plus the key path in upper case, with each run
 * of other characters turned into {@code _} ({@code server.port} is {@code MESHGATE_SERVER_PORT},
 * {@code domains[0].catalog.password} is {@code MESHGATE_DOMAINS_0_CATALOG_PASSWORD}). Unknown keys,
 * wrong types, missing required keys, duplicates and unsupported values are all collected and
 * thrown together in one {@link ConfigException}, each with its file and line.
 */
public final class ConfigLoader {
    private static final Set<String> SUPPORTED_CATALOG_TYPES = Set.of("jdbc");

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
        AuthConfig auth = bindAuth(top.sectionOrEmpty("auth"));
        QueryConfig query = bindQuery(top.sectionOrEmpty("query"));
        Optional<GovernanceConfig> governance = bindGovernance(top);
        List<DomainConfig> domains = bindDomains(top);
        Optional<Path> products = path(top, "products");
        top.rejectUnknownKeys();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new MeshgateConfig(server, auth, query, governance.orElseThrow(), domains, products);
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
            Optional<JdbcCatalogSpec> catalog = bindCatalog(domain, name);
            List<SchemaBinding> schemas = bindSchemas(domain);
            domain.rejectUnknownKeys();
            if (!name.isBlank() && catalog.isPresent()) {
                domains.add(new DomainConfig(name, catalog.get(), schemas));
            }
        }
        return domains;
    }

    private static Optional<JdbcCatalogSpec> bindCatalog(Section domain, String domainName) {
        Optional<Section> maybe = domain.section("catalog");
        if (maybe.isEmpty()) {
            if (!domain.has("catalog")) {
                domain.error("catalog", "required");
            }
            return Optional.empty();
        }
        Section catalog = maybe.get();
        String type = catalog.string("type", "jdbc");
        if (!SUPPORTED_CATALOG_TYPES.contains(type)) {
            catalog.error("type", "unsupported catalog type '" + type + "' (supported: jdbc)");
            catalog.rejectUnknownKeys();
            return Optional.empty();
        }
        String uri = catalog.requiredString("uri");
        if (!uri.isEmpty() && !uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
            catalog.error("uri", "must be jdbc:sqlite:... or jdbc:postgresql://..., got '" + uri + "'");
        }
        Optional<String> user = catalog.string("user");
        Optional<String> password = catalog.string("password");
        String catalogName = catalog.string("catalog-name", domainName);
        String warehouse = catalog.requiredString("warehouse");
        Optional<S3Options> s3 = bindS3(catalog.sectionOrEmpty("s3"));
        catalog.rejectUnknownKeys();
        if (uri.isEmpty() || warehouse.isEmpty() || catalogName.isBlank() || s3.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JdbcCatalogSpec(uri, user, password, catalogName, warehouse, s3.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
