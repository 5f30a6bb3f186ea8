package io.meshgate.server.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.RestCatalogSpec;
import io.meshgate.connector.jdbc.PostgresSpec;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.product.ProductFiles;
import io.meshgate.policy.load.PolicyLoader;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.DomainConfig;
import io.meshgate.server.config.DomainSource;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.Password;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code docker/} cannot be run here (no Docker engine), so this keeps them
 * consistent with the launcher and the configuration: the server's {@code meshgate.yaml} binds
 * with the environment compose.yaml gives it, every MESHGATE_ variable there lands on a key, and
 * the policy and product folders it mounts load.
 */
class DockerDeploymentFilesTest {
    private static final Path DOCKER = Path.of("..", "docker");
    private static final Pattern ENVIRONMENT_LINE = Pattern.compile("^\\s+(MESHGATE_[A-Z0-9_]+):", Pattern.MULTILINE);

    /** Each MESHGATE_ variable compose.yaml sets for the server, with a value naming it. */
    private static Map<String, String> composeEnvironment() throws IOException {
        Matcher matcher = ENVIRONMENT_LINE.matcher(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, String> environment = new LinkedHashMap<>();
        while (matcher.find()) {
            environment.put(matcher.group(1), "value-of-" + matcher.group(1).toLowerCase());
        }
        return environment;
    }

    @Test
    void theServersConfigurationBindsWithTheEnvironmentComposeGivesIt() throws IOException {
        Map<String, String> environment = composeEnvironment();
        environment.remove("MESHGATE_JAVA_OPTS");
        assertEquals(5, environment.size(), "the variables compose.yaml sets: " + environment.keySet());
        MeshgateConfig config = ConfigLoader.parse(Files.readString(DOCKER.resolve("meshgate.yaml")), "meshgate.yaml", environment);

        assertEquals("0.0.0.0", config.server().host(), "reachable from other containers");
        assertEquals("0.0.0.0", config.portal().host());
        assertEquals(31337, config.server().port(), "the port the Dockerfile exposes");
        assertEquals(8080, config.portal().port(), "the port the Dockerfile exposes");
        assertEquals(new Password.Plain("value-of-meshgate_auth_users_0_password_plain"), config.auth().users().get(0).password());
        assertEquals(Optional.of("value-of-meshgate_policy_hash_key"), config.governance().hashKey());

        DomainConfig lake = config.domains().get(0);
        RestCatalogSpec rest = assertInstanceOf(RestCatalogSpec.class, assertInstanceOf(DomainSource.IcebergSource.class, lake.source()).catalog());
        assertEquals("http://iceberg-rest:8181", rest.uri());
        assertEquals(Optional.of("value-of-meshgate_domains_0_catalog_s3_secret_access_key"), rest.s3().secretAccessKey());
        DomainConfig finance = config.domains().get(1);
        PostgresSpec postgres = assertInstanceOf(DomainSource.DatabaseSource.class, finance.source()).database();
        assertEquals(Optional.of("value-of-meshgate_domains_1_catalog_password"), postgres.password());
        assertTrue(postgres.url().startsWith("jdbc:postgresql://postgres:5432/"), postgres.url());
    }

    @Test
    void theMountedPolicyAndProductFoldersLoad() {
        assertFalse(PolicyLoader.load(DOCKER.resolve("policies"), new PolicySqlChecker()).grants().isEmpty());
        assertTrue(ProductFiles.load(DOCKER.resolve("products")).entry("finance.ledger.invoice").isPresent());
    }
}
