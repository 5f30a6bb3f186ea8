package io.meshgate.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.engine.catalog.SchemaBinding;
import java.io.IOException;
import io.meshgate.server.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String MINIMAL = """
            auth:
              users:
                - {name: admin, password: {plain: admin}}
            domains:
              - name: commerce
                catalog: {uri: "jdbc:sqlite:/data/commerce.db", warehouse: "file:///data/commerce"}
            """;

    private static MeshgateConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "meshgate.yaml", Map.of());
    }

    private static List<String> errors(String yaml) {
        return errors(yaml, Map.of());
    }

    private static List<String> errors(String yaml, Map<String, String> environment) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "meshgate.yaml", environment));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void absentKeysTakeTheirDefaults() {
        MeshgateConfig config = parse(MINIMAL);
        assertEquals(new ServerConfig("127.0.0.1", 31337), config.server());
        assertEquals(Duration.ofHours(1), config.auth().tokenTtl());
        assertEquals(new QueryConfig(Duration.ofMinutes(30)), config.query(), "queries may run 30 minutes");
        DomainConfig domain = config.domains().get(0);
        assertEquals("commerce", domain.name());
        assertEquals(List.of(), domain.schemas(), "no schemas listed: every namespace under its own name");
        JdbcCatalogSpec catalog = domain.catalog();
        assertEquals("commerce", catalog.catalogName(), "catalog-name defaults to the domain name");
        assertEquals(Optional.empty(), catalog.user());
        assertEquals(Optional.empty(), catalog.password());
        assertEquals(Optional.empty(), catalog.s3().endpoint());
        assertFalse(catalog.s3().pathStyleAccess());
        assertEquals(Set.of(), config.auth().users().get(0).groups());
        assertEquals(GovernanceConfig.none(), config.governance(), "no policies, no hash key, no audit log");
        assertEquals(Optional.empty(), config.products(), "no product files: products are their table properties");
    }

    @Test
    void productsFolderIsResolvedAgainstTheConfigurationDirectory(@TempDir Path dir) throws IOException {
        assertEquals(Optional.of(Path.of("products")), parse(MINIMAL + "products: products\n").products());
        Path file = Files.writeString(dir.resolve("meshgate.yaml"), MINIMAL + "products: catalog/products\n");
        assertEquals(Optional.of(dir.toAbsolutePath().resolve("catalog/products")), ConfigLoader.load(file, Map.of()).products());
        assertEquals(Optional.of(Path.of("/srv/products")),
                ConfigLoader.load(file, Map.of("MESHGATE_PRODUCTS", "/srv/products")).products(), "the environment overrides it too");
        assertEquals(List.of("meshgate.yaml:7: products: must not be blank"), errors(MINIMAL + "products: \" \"\n"));
    }

    @Test
    void aDomainCannotBeNamedLikeTheSystemCatalog() {
        assertEquals(List.of("meshgate.yaml:7: domains[1].name: 'Mesh' is reserved for Meshgate's system tables (mesh.meta.*):"
                        + " give the domain another name"),
                errors(MINIMAL + "  - name: Mesh\n    catalog: {uri: \"jdbc:sqlite:/data/m.db\", warehouse: \"file:///data/m\"}\n"));
    }

    @Test
    void everyDocumentedKeyBinds() {
        MeshgateConfig config = parse("""
                server: {host: 0.0.0.0, port: 4000}
                auth:
                  token-ttl-seconds: 600
                  users:
                    - {name: admin, password: {plain: admin}, groups: [admins, analysts]}
                    - {name: bob, password: {bcrypt: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"}}
                domains:
                  - name: commerce
                    catalog: {type: jdbc, uri: "jdbc:postgresql://127.0.0.1:5433/iceberg_catalog",
                              user: iceberg, password: secret, catalog-name: anchor,
                              warehouse: "s3://bucket/warehouse",
                              s3: {endpoint: "http://127.0.0.1:9000", region: us-east-1, access-key-id: AK,
                                   secret-access-key: SK, path-style-access: true}}
                    schemas:
                      - {name: sales, namespace: commerce}
                      - {name: returns}
                """);
        assertEquals(new ServerConfig("0.0.0.0", 4000), config.server());
        assertEquals(Duration.ofSeconds(600), config.auth().tokenTtl());
        assertEquals(Set.of("admins", "analysts"), config.auth().users().get(0).groups());
        assertInstanceOf(Password.Bcrypt.class, config.auth().users().get(1).password());
        JdbcCatalogSpec catalog = config.domains().get(0).catalog();
        assertEquals("anchor", catalog.catalogName());
        assertEquals(Optional.of("iceberg"), catalog.user());
        assertEquals(Optional.of("secret"), catalog.password());
        assertEquals(Optional.of("http://127.0.0.1:9000"), catalog.s3().endpoint());
        assertEquals(Optional.of("us-east-1"), catalog.s3().region());
        assertTrue(catalog.s3().pathStyleAccess());
        assertEquals(List.of(new SchemaBinding("sales", "commerce"), new SchemaBinding("returns", "returns")),
                config.domains().get(0).schemas());
    }

    @Test
    void environmentVariablesOverrideKeys() {
        MeshgateConfig config = ConfigLoader.parse(MINIMAL, "meshgate.yaml", Map.of(
                "MESHGATE_SERVER_PORT", "4100",
                "MESHGATE_SERVER_HOST", "0.0.0.0",
                "MESHGATE_DOMAINS_0_CATALOG_CATALOG_NAME", "anchor",
                "MESHGATE_DOMAINS_0_CATALOG_S3_PATH_STYLE_ACCESS", "true"));
        assertEquals(new ServerConfig("0.0.0.0", 4100), config.server());
        assertEquals("anchor", config.domains().get(0).catalog().catalogName());
        assertTrue(config.domains().get(0).catalog().s3().pathStyleAccess());
        assertEquals("MESHGATE_AUTH_USERS_0_PASSWORD_PLAIN", Section.environmentName("auth.users[0].password.plain"));
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        assertEquals(List.of("env MESHGATE_SERVER_PORT: server.port: must be an integer, got 'http'"),
                errors(MINIMAL, Map.of("MESHGATE_SERVER_PORT", "http")));
    }

    @Test
    void allErrorsAreReportedTogetherWithFileAndLine() {
        List<String> errors = errors("""
                server: {host: 127.0.0.1, port: seven, color: blue}
                auth:
                  users:
                    - {name: admin, password: {plain: a, bcrypt: "$2a$10$x"}}
                    - {name: admin, password: {plain: b}}
                domains:
                  - name: commerce
                    catalog: {warehouse: "file:///w"}
                  - name: commerce
                    catalog: {type: rest, uri: "http://x"}
                  - name: supply
                    catalog: {uri: "jdbc:mysql://x", warehouse: "file:///w", s3: {access-key-id: AK}}
                    schemas:
                      - {namespace: supply}
                """);
        assertEquals(List.of(
                "meshgate.yaml:1: server.port: must be an integer, got 'seven'",
                "meshgate.yaml:1: server.color: unknown key (known keys here: host, port, tls)",
                "meshgate.yaml:4: auth.users[0].password: give exactly one of plain or bcrypt",
                "meshgate.yaml:5: auth.users[1].name: duplicate user 'admin'",
                "meshgate.yaml:8: domains[0].catalog.uri: required",
                "meshgate.yaml:9: domains[1].name: duplicate domain 'commerce'",
                "meshgate.yaml:10: domains[1].catalog.type: unsupported catalog type 'rest' (supported: jdbc)",
                "meshgate.yaml:10: domains[1].catalog.uri: unknown key (known keys here: type)",
                "meshgate.yaml:12: domains[2].catalog.uri: must be jdbc:sqlite:... or jdbc:postgresql://..., got 'jdbc:mysql://x'",
                "meshgate.yaml:12: domains[2].catalog.s3: give both access-key-id and secret-access-key, or neither",
                "meshgate.yaml:14: domains[2].schemas[0].name: required"), errors);
    }

    @Test
    void missingSectionsAreRequired() {
        assertEquals(List.of(
                "meshgate.yaml:1: auth.users: required: at least one user (name and password)",
                "meshgate.yaml:1: domains: required: at least one domain"), errors("server: {port: 1}\n"));
    }

    @Test
    void wrongShapesAreReported() {
        assertEquals(List.of(
                "meshgate.yaml:1: server: must be a mapping (key: value)",
                "meshgate.yaml:3: auth.users[0].name: must be a plain value, not a list",
                "meshgate.yaml:3: auth.users[0].password: required: {plain: ...} or {bcrypt: \"$2a$...\"}",
                "meshgate.yaml:5: domains: must be a list"), errors("""
                server: 31337
                auth:
                  users: [{name: [a, b]}]
                  token-ttl-seconds: 60
                domains: {name: commerce}
                """).stream().sorted(ConfigLoaderTest::byLine).toList());
    }

    @Test
    void invalidYamlIsOneErrorWithItsLine() {
        List<String> errors = errors("server:\n  port: 1\n bad indentation: [\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("meshgate.yaml:3: (document): not valid YAML"), errors.get(0));
    }

    @Test
    void duplicateKeysAreReported() {
        assertEquals(List.of("meshgate.yaml:3: server.port: duplicate key"), errors("server:\n  port: 1\n  port: 2\n" + MINIMAL));
    }

    @Test
    void badBcryptHashIsReported() {
        assertEquals(List.of("meshgate.yaml:3: auth.users[0].password.bcrypt: not a bcrypt hash (expected $2a$, $2b$ or $2y$, a cost and 53 characters)"),
                errors(MINIMAL.replace("{plain: admin}", "{bcrypt: nope}")));
    }

    @Test
    void secretsAreRedactedWhenPrinted() {
        MeshgateConfig config = parse(MINIMAL.replace("{plain: admin}", "{plain: hunter2}")
                .replace("warehouse: \"file:///data/commerce\"", "warehouse: \"file:///data/commerce\", password: s3cr3t,"
                        + " s3: {access-key-id: AKIDX, secret-access-key: SECRETX}"));
        String printed = config.toString();
        assertFalse(printed.contains("hunter2"), printed);
        assertFalse(printed.contains("s3cr3t"), printed);
        assertFalse(printed.contains("AKIDX"), printed);
        assertFalse(printed.contains("SECRETX"), printed);
        assertTrue(config.auth().hasPlainPasswords());
    }

    @Test
    void governanceKeysBindWithPathsAsWritten() {
        MeshgateConfig config = parse(MINIMAL + """
                policies: policies
                policy-hash-key: "0123456789abcdef-secret"
                audit: {file: /var/log/meshgate/audit.jsonl}
                """);
        assertEquals(new GovernanceConfig(Optional.of(Path.of("policies")), Optional.of("0123456789abcdef-secret"),
                Optional.of(Path.of("/var/log/meshgate/audit.jsonl"))), config.governance());
    }

    @Test
    void loadResolvesRelativeGovernancePathsAgainstTheConfigurationDirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("meshgate.yaml"), MINIMAL + """
                policies: rules
                policy-hash-key: "0123456789abcdef"
                audit: {file: logs/audit.jsonl}
                """);
        GovernanceConfig governance = ConfigLoader.load(file, Map.of()).governance();
        assertEquals(Optional.of(dir.toAbsolutePath().resolve("rules")), governance.policies());
        assertEquals(Optional.of(dir.toAbsolutePath().resolve("logs/audit.jsonl")), governance.auditFile());

        GovernanceConfig absolute = ConfigLoader.load(file, Map.of("MESHGATE_AUDIT_FILE", "/tmp/elsewhere.jsonl")).governance();
        assertEquals(Optional.of(Path.of("/tmp/elsewhere.jsonl")), absolute.auditFile());
    }

    @Test
    void hashKeyComesFromTheEnvironmentToo() {
        MeshgateConfig config = ConfigLoader.parse(MINIMAL + "policies: policies\n", "meshgate.yaml",
                Map.of("MESHGATE_POLICY_HASH_KEY", "from-the-environment-1234"));
        assertEquals(Optional.of("from-the-environment-1234"), config.governance().hashKey());
        assertEquals("MESHGATE_POLICY_HASH_KEY", Section.environmentName("policy-hash-key"));
    }

    @Test
    void policiesNeedALongEnoughHashKey() {
        assertEquals(List.of("meshgate.yaml:1: policy-hash-key: required when policies is set: a secret of at least 16 characters"
                + " for HASH masks (or set MESHGATE_POLICY_HASH_KEY)"), errors(MINIMAL + "policies: policies\n"));
        assertEquals(List.of("meshgate.yaml:8: policy-hash-key: must be at least 16 characters long"),
                errors(MINIMAL + "policies: policies\npolicy-hash-key: short\n"));
    }

    @Test
    void governanceShapesAreChecked() {
        assertEquals(List.of(
                "meshgate.yaml:7: policies: must not be blank",
                "meshgate.yaml:8: audit.path: unknown key (known keys here: file)"),
                errors(MINIMAL + "policies: \"  \"\naudit: {path: a.jsonl}\n"));
    }

    @Test
    void hashKeyIsRedactedWhenPrinted() {
        MeshgateConfig config = parse(MINIMAL + "policies: policies\npolicy-hash-key: \"do-not-print-this-key\"\n");
        assertFalse(config.toString().contains("do-not-print-this-key"), config.toString());
        assertTrue(config.governance().toString().contains("hashKey=Optional[***]"), config.governance().toString());
    }

    private static int byLine(String a, String b) {
        return Integer.compare(line(a), line(b));
    }

    private static int line(String error) {
        return Integer.parseInt(error.split(":")[1]);
    }

    @Test
    void queryTimeoutTakesAUnit() {
        assertEquals(Duration.ofSeconds(90), parse(MINIMAL + "query: {timeout: 90s}\n").query().timeout());
        assertEquals(Duration.ofMinutes(5), parse(MINIMAL + "query: {timeout: 5m}\n").query().timeout());
        assertEquals(Duration.ofHours(2), parse(MINIMAL + "query: {timeout: 2h}\n").query().timeout());
        assertEquals(Duration.ofDays(1), parse(MINIMAL + "query: {timeout: 1d}\n").query().timeout());
        assertEquals(Duration.ofMillis(1500), parse(MINIMAL + "query: {timeout: 1500ms}\n").query().timeout());
        assertEquals(Duration.ofSeconds(5),
                ConfigLoader.parse(MINIMAL, "meshgate.yaml", Map.of("MESHGATE_QUERY_TIMEOUT", "5s")).query().timeout());
    }

    @Test
    void badQueryTimeoutsAreReported() {
        assertEquals(List.of("meshgate.yaml:7: query.timeout: must be a duration such as 30s, 5m, 2h or 1d, got '30'",
                        "meshgate.yaml:7: query.other: unknown key (known keys here: timeout)"),
                errors(MINIMAL + "query: {timeout: 30, other: 1}\n"));
        assertEquals(List.of("meshgate.yaml:7: query.timeout: must be more than 0 and at most 1000d, got '0s'"),
                errors(MINIMAL + "query: {timeout: 0s}\n"));
        assertEquals(List.of("env MESHGATE_QUERY_TIMEOUT: query.timeout: must be a duration such as 30s, 5m, 2h or 1d, got 'soon'"),
                errors(MINIMAL, Map.of("MESHGATE_QUERY_TIMEOUT", "soon")));
    }

    @Test
    void tlsFilesAreResolvedAgainstTheConfigurationFileAndChecked(@TempDir Path directory) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(directory, "server");
        Path file = Files.writeString(directory.resolve("meshgate.yaml"),
                MINIMAL + "server: {tls: {cert: server-cert.pem, key: server-key.pem}}\n");
        MeshgateConfig config = ConfigLoader.load(file, Map.of());
        assertEquals(Optional.of(new TlsConfig(certificate.certificate(), certificate.privateKey())), config.server().tls());
    }

    @Test
    void tlsFilesCanComeFromTheEnvironment(@TempDir Path directory) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(directory, "server");
        MeshgateConfig config = ConfigLoader.parse(MINIMAL, "meshgate.yaml", Map.of(
                "MESHGATE_SERVER_TLS_CERT", certificate.certificate().toString(),
                "MESHGATE_SERVER_TLS_KEY", certificate.privateKey().toString()));
        assertEquals(Optional.of(new TlsConfig(certificate.certificate(), certificate.privateKey())), config.server().tls());
    }

    @Test
    void tlsProblemsNameTheFileAndWhatIsWrong(@TempDir Path directory) throws Exception {
        SelfSignedCertificate one = SelfSignedCertificate.create(directory, "one");
        SelfSignedCertificate other = SelfSignedCertificate.create(directory, "other");
        Path garbage = Files.writeString(directory.resolve("garbage.pem"), "not a certificate");
        Path pkcs1 = Files.writeString(directory.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Path missing = directory.resolve("missing.pem");
        List<String> errors = errors(MINIMAL + "server: {tls: {cert: \"" + garbage + "\", key: \"" + missing + "\"}}\n");
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("meshgate.yaml:7: server.tls.cert: '" + garbage + "' is not a PEM certificate file"), errors.get(0));
        assertEquals("meshgate.yaml:7: server.tls.key: no such file '" + missing + "'", errors.get(1));
        assertEquals(List.of("meshgate.yaml:7: server.tls.key: '" + pkcs1 + "' holds a PKCS#1/SEC1 key; convert it to PKCS#8"
                        + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem)"),
                errors(MINIMAL + "server: {tls: {cert: \"" + one.certificate() + "\", key: \"" + pkcs1 + "\"}}\n"));
        assertEquals(List.of("meshgate.yaml:7: server.tls.key: the key in '" + other.privateKey() + "' is not the private key of the"
                        + " first certificate in '" + one.certificate() + "' (give the key the certificate was issued for)"),
                errors(MINIMAL + "server: {tls: {cert: \"" + one.certificate() + "\", key: \"" + other.privateKey() + "\"}}\n"));
        assertEquals(List.of("meshgate.yaml:7: server.tls.key: required: the certificate's private key, an unencrypted PKCS#8 PEM file"),
                errors(MINIMAL + "server: {tls: {cert: \"" + one.certificate() + "\"}}\n"));
    }
}
