package io.meshgate.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.GlueCatalogSpec;
import io.meshgate.connector.iceberg.IcebergCatalogSpec;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.RestCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.jdbc.PostgresSpec;
import io.meshgate.engine.catalog.Link;
import io.meshgate.engine.catalog.LinkOwner;
import io.meshgate.engine.catalog.ObjectName;
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

    private static JdbcCatalogSpec iceberg(DomainConfig domain) {
        return assertInstanceOf(JdbcCatalogSpec.class, icebergCatalog(domain), "type defaults to jdbc");
    }

    private static IcebergCatalogSpec icebergCatalog(DomainConfig domain) {
        return assertInstanceOf(DomainSource.IcebergSource.class, domain.source()).catalog();
    }

    private static PostgresSpec database(DomainConfig domain) {
        return assertInstanceOf(DomainSource.DatabaseSource.class, domain.source()).database();
    }

    private static final String POSTGRES = """
            auth:
              users:
                - {name: admin, password: {plain: admin}}
            domains:
              - name: crm
                catalog: {type: postgresql, url: "jdbc:postgresql://db.example.com:5433/crm", user: gateway, password: pg-s3cr3t}
                schemas:
                  - {name: people, namespace: public}
            """;

    @Test
    void aPostgresqlDomainBindsWithPoolDefaults() {
        DomainConfig domain = parse(POSTGRES).domains().get(0);
        PostgresSpec database = database(domain);
        assertEquals("jdbc:postgresql://db.example.com:5433/crm", database.url());
        assertEquals(Optional.of("gateway"), database.user());
        assertEquals(Optional.of("pg-s3cr3t"), database.password());
        assertEquals(8, database.poolSize(), "pool-size defaults to 8");
        assertEquals(Duration.ofSeconds(10), database.connectionTimeout(), "connection-timeout defaults to 10s");
        assertEquals(List.of(new SchemaBinding("people", "public")), domain.schemas());
        assertEquals("database 'crm' at db.example.com:5433", database.describe());
    }

    @Test
    void aPostgresqlDomainTakesPoolSizeTimeoutAndPasswordFromEnvironment() {
        MeshgateConfig config = ConfigLoader.parse(POSTGRES.replace("password: pg-s3cr3t}", "pool-size: 3, connection-timeout: 500ms}"),
                "meshgate.yaml", Map.of("MESHGATE_DOMAINS_0_CATALOG_PASSWORD", "from-env"));
        PostgresSpec database = database(config.domains().get(0));
        assertEquals(3, database.poolSize());
        assertEquals(Duration.ofMillis(500), database.connectionTimeout());
        assertEquals(Optional.of("from-env"), database.password());
    }

    @Test
    void postgresqlMistakesAreReportedTogether() {
        assertEquals(List.of(
                        "meshgate.yaml:3: domains[0].catalog.pool-size: must be between 1 and 1000, got 0",
                        "meshgate.yaml:3: domains[0].catalog.connection-timeout: must be at least 250ms",
                        "meshgate.yaml:3: domains[0].catalog.warehouse: unknown key (known keys here: connection-timeout, password, pool-size, type, url, user)",
                        "meshgate.yaml:5: domains[1].catalog.url: required",
                        "meshgate.yaml:7: domains[2].catalog.url: must be jdbc:postgresql://host:port/database, got 'jdbc:mysql://x/db?...'"),
                errors("""
                        auth: {users: [{name: admin, password: {plain: admin}}]}
                        domains:
                          - {name: a, catalog: {type: postgresql, url: "jdbc:postgresql://h/db", pool-size: 0, connection-timeout: 100ms, warehouse: x}}
                          - name: b
                            catalog: {type: postgresql}
                          - name: c
                            catalog: {type: postgresql, url: "jdbc:mysql://x/db?password=oops"}
                        """));
    }

    @Test
    void aPostgresqlPasswordIsRedactedWhenPrinted() {
        String printed = parse(POSTGRES.replace("crm\", user", "crm?password=url-s3cr3t\", user")).toString();
        assertFalse(printed.contains("pg-s3cr3t"), printed);
        assertFalse(printed.contains("url-s3cr3t"), printed);
        assertTrue(printed.contains("db.example.com:5433/crm"), printed);
    }

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
        assertEquals(new PortalConfig("127.0.0.1", 8080, true), config.portal(), "the portal runs on 127.0.0.1:8080");
        assertEquals(Duration.ofHours(1), config.auth().tokenTtl());
        assertEquals(new QueryConfig(Duration.ofMinutes(30)), config.query(), "queries may run 30 minutes");
        DomainConfig domain = config.domains().get(0);
        assertEquals("commerce", domain.name());
        assertEquals(List.of(), domain.schemas(), "no schemas listed: every namespace under its own name");
        JdbcCatalogSpec catalog = iceberg(domain);
        assertEquals("commerce", catalog.catalogName(), "catalog-name defaults to the domain name");
        assertEquals(Optional.empty(), catalog.user());
        assertEquals(Optional.empty(), catalog.password());
        assertEquals(Optional.empty(), catalog.s3().endpoint());
        assertFalse(catalog.s3().pathStyleAccess());
        assertEquals(List.of(), config.links(), "no resource links");
        assertEquals(Set.of(), config.auth().users().get(0).groups());
        assertEquals(GovernanceConfig.none(), config.governance(), "no policies, no hash key, no audit log");
        assertEquals(new ContractsConfig(Path.of("contract-results")), config.contracts(), "contract results next to the configuration");
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
        JdbcCatalogSpec catalog = iceberg(config.domains().get(0));
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
        assertEquals("anchor", iceberg(config.domains().get(0)).catalogName());
        assertTrue(iceberg(config.domains().get(0)).s3().pathStyleAccess());
        assertEquals("MESHGATE_AUTH_USERS_0_PASSWORD_PLAIN", Section.environmentName("auth.users[0].password.plain"));
    }

    @Test
    void portalKeysBindAndTakeOverridesFromTheEnvironment() {
        assertEquals(new PortalConfig("0.0.0.0", 9090, false), parse("portal: {host: 0.0.0.0, port: 9090, enabled: false}\n" + MINIMAL).portal());
        assertEquals(new PortalConfig("127.0.0.1", 0, true),
                ConfigLoader.parse(MINIMAL, "meshgate.yaml", Map.of("MESHGATE_PORTAL_PORT", "0")).portal());
        assertEquals(List.of("meshgate.yaml:1: portal.port: must be between 0 and 65535, got 70000",
                        "meshgate.yaml:1: portal.enabled: must be true or false, got 'maybe'",
                        "meshgate.yaml:1: portal.path: unknown key (known keys here: enabled, host, port)"),
                errors("portal: {port: 70000, enabled: maybe, path: /x}\n" + MINIMAL));
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
                    catalog: {type: hive, uri: "thrift://x"}
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
                "meshgate.yaml:10: domains[1].catalog.type: unsupported catalog type 'hive' (supported: jdbc, rest, glue, postgresql)",
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
    void restCatalogKeysBind() {
        MeshgateConfig config = parse("""
                auth:
                  users:
                    - {name: admin, password: {plain: admin}}
                domains:
                  - name: customer
                    catalog: {type: rest, uri: "https://catalog.example:8181/api/catalog", warehouse: lake,
                              credential: "meshgate:s3cr3t", oauth2-server-uri: "https://auth.example/token",
                              scope: "PRINCIPAL_ROLE:ALL", prefix: prod,
                              s3: {endpoint: "http://127.0.0.1:9000", path-style-access: true}}
                  - name: supply
                    catalog: {type: rest, uri: "http://127.0.0.1:8181", token: t0k3n}
                  - name: open
                    catalog: {type: rest, uri: "http://127.0.0.1:8181"}
                """);
        RestCatalogSpec customer = assertInstanceOf(RestCatalogSpec.class, icebergCatalog(config.domains().get(0)));
        assertEquals(new RestCatalogSpec("https://catalog.example:8181/api/catalog", "customer", Optional.of("lake"),
                Optional.of("meshgate:s3cr3t"), Optional.empty(), Optional.of("https://auth.example/token"), Optional.of("PRINCIPAL_ROLE:ALL"),
                Optional.of("prod"), new S3Options(Optional.of("http://127.0.0.1:9000"), Optional.empty(), Optional.empty(), Optional.empty(), true)),
                customer);
        RestCatalogSpec supply = assertInstanceOf(RestCatalogSpec.class, icebergCatalog(config.domains().get(1)));
        assertEquals(Optional.of("t0k3n"), supply.token());
        assertEquals(Optional.empty(), supply.credential());
        assertEquals(S3Options.defaults(), supply.s3());
        RestCatalogSpec open = assertInstanceOf(RestCatalogSpec.class, icebergCatalog(config.domains().get(2)));
        assertEquals(Optional.empty(), open.warehouse());
        assertTrue(open.credential().isEmpty() && open.token().isEmpty() && open.prefix().isEmpty());
        String printed = config.toString();
        assertFalse(printed.contains("s3cr3t") || printed.contains("t0k3n"), printed);
    }

    @Test
    void glueCatalogKeysBind() {
        MeshgateConfig config = parse("""
                auth:
                  users:
                    - {name: admin, password: {plain: admin}}
                domains:
                  - name: finance
                    catalog: {type: glue, region: eu-west-1, endpoint: "http://127.0.0.1:5000", access-key-id: AKIDGLUE,
                              secret-access-key: GLUESECRET, catalog-id: "123456789012", warehouse: "s3://lake/finance",
                              s3: {endpoint: "http://127.0.0.1:5000", path-style-access: true}}
                  - name: risk
                    catalog: {type: glue, region: us-east-1, warehouse: "s3://lake/risk"}
                """);
        GlueCatalogSpec finance = assertInstanceOf(GlueCatalogSpec.class, icebergCatalog(config.domains().get(0)));
        assertEquals(new GlueCatalogSpec("eu-west-1", Optional.of("http://127.0.0.1:5000"), Optional.of("AKIDGLUE"), Optional.of("GLUESECRET"),
                Optional.of("123456789012"), "finance", "s3://lake/finance",
                new S3Options(Optional.of("http://127.0.0.1:5000"), Optional.empty(), Optional.empty(), Optional.empty(), true)), finance);
        GlueCatalogSpec risk = assertInstanceOf(GlueCatalogSpec.class, icebergCatalog(config.domains().get(1)));
        assertTrue(risk.endpoint().isEmpty() && risk.accessKeyId().isEmpty() && risk.catalogId().isEmpty());
        String printed = config.toString();
        assertFalse(printed.contains("AKIDGLUE") || printed.contains("GLUESECRET"), printed);
    }

    @Test
    void catalogSecretsComeFromTheEnvironment() {
        MeshgateConfig config = ConfigLoader.parse("""
                auth:
                  users:
                    - {name: admin, password: {plain: admin}}
                domains:
                  - name: customer
                    catalog: {type: rest, uri: "http://127.0.0.1:8181"}
                  - name: finance
                    catalog: {type: glue, region: us-east-1, warehouse: "s3://lake/finance"}
                """, "meshgate.yaml", Map.of(
                "MESHGATE_DOMAINS_0_CATALOG_CREDENTIAL", "meshgate:from-env",
                "MESHGATE_DOMAINS_0_CATALOG_URI", "https://catalog.internal/api",
                "MESHGATE_DOMAINS_1_CATALOG_ACCESS_KEY_ID", "AKIDENV",
                "MESHGATE_DOMAINS_1_CATALOG_SECRET_ACCESS_KEY", "SECRETENV"));
        RestCatalogSpec rest = assertInstanceOf(RestCatalogSpec.class, icebergCatalog(config.domains().get(0)));
        assertEquals(Optional.of("meshgate:from-env"), rest.credential());
        assertEquals("https://catalog.internal/api", rest.uri());
        GlueCatalogSpec glue = assertInstanceOf(GlueCatalogSpec.class, icebergCatalog(config.domains().get(1)));
        assertEquals(Optional.of("AKIDENV"), glue.accessKeyId());
        assertEquals(Optional.of("SECRETENV"), glue.secretAccessKey());
    }

    @Test
    void restAndGlueCatalogErrorsAreReportedWithTheirLines() {
        List<String> errors = errors("""
                auth:
                  users:
                    - {name: admin, password: {plain: admin}}
                domains:
                  - name: a
                    catalog:
                      type: rest
                      uri: "jdbc:sqlite:/x.db"
                      credential: only-a-secret
                      token: t
                      user: bob
                  - name: b
                    catalog:
                      type: rest
                      scope: catalog
                  - name: c
                    catalog:
                      type: glue
                      region: us-east-1
                      access-key-id: AK
                      endpoint: "glue.local:5000"
                      s3: {region: eu-west-1}
                      password: x
                """);
        assertEquals(List.of(
                "meshgate.yaml:8: domains[0].catalog.uri: must be http://... or https://... (the catalog's base URI, the part before /v1/)",
                "meshgate.yaml:9: domains[0].catalog.credential: must be client-id:client-secret (OAuth2 client credentials)",
                "meshgate.yaml:10: domains[0].catalog.token: give credential or token, not both",
                "meshgate.yaml:11: domains[0].catalog.user: unknown key (known keys here: credential, oauth2-server-uri, prefix, s3, scope,"
                        + " token, type, uri, warehouse)",
                "meshgate.yaml:13: domains[1].catalog.uri: required",
                "meshgate.yaml:15: domains[1].catalog.scope: applies to a credential only (give credential: client-id:client-secret)",
                "meshgate.yaml:17: domains[2].catalog.warehouse: required",
                "meshgate.yaml:21: domains[2].catalog.endpoint: must be http://... or https://... (an endpoint override for the Glue API)",
                "meshgate.yaml:17: domains[2].catalog: give both access-key-id and secret-access-key, or neither",
                "meshgate.yaml:22: domains[2].catalog.s3.region: differs from the Glue catalog's region 'us-east-1' (leave it out: the"
                        + " catalog's region applies to S3 too)",
                "meshgate.yaml:23: domains[2].catalog.password: unknown key (known keys here: access-key-id, catalog-id, endpoint, region, s3,"
                        + " secret-access-key, type, warehouse)"), errors);
        assertFalse(errors.toString().contains("only-a-secret"), errors.toString());
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
    void contractKeysBindAndResolveAgainstTheConfigurationDirectory(@TempDir Path dir) throws IOException {
        assertEquals(new ContractsConfig(Path.of("/var/lib/meshgate/contracts")),
                parse(MINIMAL + "products: products\ncontracts: {results: /var/lib/meshgate/contracts}\n").contracts());
        Path file = Files.writeString(dir.resolve("meshgate.yaml"), MINIMAL + "products: products\n");
        assertEquals(new ContractsConfig(dir.toAbsolutePath().resolve("contract-results")),
                ConfigLoader.load(file, Map.of()).contracts());
        assertEquals(List.of("meshgate.yaml:8: contracts.result: unknown key (known keys here: results)",
                "meshgate.yaml:9: products: must be a plain value, not a list"),
                errors(MINIMAL + "contracts:\n  result: here\nproducts: [a]\n"));
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

    @Test
    void linksBindSchemaAndTableLinksWithTheirOwners() {
        MeshgateConfig config = parse(MINIMAL + """
                links:
                  - {name: analytics.sales, target: commerce.sales, owner: {groups: [analytics-team, governance]}}
                  - name: analytics.crm.customer
                    target: customer.crm.customer
                    owner: {user: ana}
                """);
        assertEquals(List.of(
                        new Link(ObjectName.schema("analytics", "sales"), ObjectName.schema("commerce", "sales"),
                                new LinkOwner(Optional.empty(), Set.of("analytics-team", "governance"))),
                        new Link(ObjectName.table("analytics", "crm", "customer"), ObjectName.table("customer", "crm", "customer"),
                                new LinkOwner(Optional.of("ana"), Set.of()))),
                config.links());
        assertTrue(config.links().get(0).isSchemaLink());
    }

    @Test
    void linkErrorsAreReportedWithFileAndLine() {
        assertEquals(List.of(
                "meshgate.yaml:8: links[0].name: 'commerce.copy' is in domain 'commerce', which holds data: a link lives in a domain of links only"
                        + " (name it in another domain, such as analytics.copy)",
                "meshgate.yaml:9: links[1].target: 'commerce.sales.orders' is a table and 'analytics.sales' a schema"
                        + " (a schema link targets a schema, a table link a table)",
                "meshgate.yaml:10: links[2].name: 'analytics' is not a schema or table name (write domain.schema or domain.schema.table)",
                "meshgate.yaml:11: links[3].owner: required: who grants access through the link, {groups: [...]} or {user: NAME}",
                "meshgate.yaml:12: links[4].owner: name a user or at least one group",
                "meshgate.yaml:13: links[5].name: duplicate link 'analytics.crm.customer'",
                "meshgate.yaml:14: links[6].target: the link targets itself (give another schema or table)",
                "meshgate.yaml:15: links[7].owner.role: unknown key (known keys here: groups, user)",
                "meshgate.yaml:15: links[7].owner: name a user or at least one group",
                "meshgate.yaml:16: links[8].name: 'analytics.mirror.orders' lies in schema link analytics.mirror, whose tables are its target's"
                        + " (put the table link in another schema)"),
                errors(MINIMAL + """
                links:
                  - {name: commerce.copy, target: commerce.sales, owner: {groups: [g]}}
                  - {name: analytics.sales, target: commerce.sales.orders, owner: {groups: [g]}}
                  - {name: analytics, target: commerce.sales, owner: {groups: [g]}}
                  - {name: analytics.crm.customer, target: customer.crm.customer}
                  - {name: analytics.crm.other, target: customer.crm.customer, owner: {groups: []}}
                  - {name: analytics.crm.customer, target: customer.crm.nation, owner: {groups: [g]}}
                  - {name: analytics.self.t, target: analytics.self.t, owner: {groups: [g]}}
                  - {name: analytics.x.y, target: commerce.sales.orders, owner: {role: r}}
                  - {name: analytics.mirror.orders, target: commerce.sales.orders, owner: {groups: [g]}}
                  - {name: analytics.mirror, target: commerce.sales, owner: {groups: [g]}}
                """));
    }
}
