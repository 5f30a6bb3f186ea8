package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.util.PropertyUtil;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * How a Glue catalog spec becomes Iceberg's Glue catalog: its properties, its static credentials,
 * its validation and its error when Glue cannot be reached. (A Glue-compatible server is exercised
 * end to end by gateway-server's GlueCatalogIT.)
 */
class GlueCatalogBindingTest {
    private static final String ACCESS_KEY = "AKIDGLUEKEY";
    private static final String SECRET_KEY = "glue-secret-key-value";

    private static GlueCatalogSpec spec(Optional<String> endpoint, S3Options s3) {
        return new GlueCatalogSpec("eu-west-1", endpoint, Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), Optional.of("123456789012"),
                "finance", "s3://lake/finance", s3);
    }

    @Test
    void propertiesNameIcebergsGlueAndAwsClientSettings() {
        Map<String, String> properties = IcebergCatalogs.glueProperties(spec(Optional.of("http://127.0.0.1:5000"),
                new S3Options(Optional.of("http://127.0.0.1:9000"), Optional.empty(), Optional.empty(), Optional.empty(), true)));
        assertEquals("eu-west-1", properties.get("client.region"));
        assertEquals("http://127.0.0.1:5000", properties.get("glue.endpoint"));
        assertEquals("123456789012", properties.get("glue.id"));
        assertEquals("s3://lake/finance", properties.get("warehouse"));
        assertEquals("http://127.0.0.1:9000", properties.get("s3.endpoint"));
        assertEquals("true", properties.get("s3.path-style-access"));
        assertEquals(AwsStaticCredentials.class.getName(), properties.get("client.credentials-provider"));
        assertFalse(properties.containsKey("s3.access-key-id"), "S3 uses the Glue keys through the client credentials provider");
    }

    @Test
    void staticCredentialsAreBuiltFromTheProviderProperties() {
        Map<String, String> properties = IcebergCatalogs.glueProperties(spec(Optional.empty(), S3Options.defaults()));
        AwsCredentials credentials = AwsStaticCredentials.create(
                PropertyUtil.propertiesWithPrefix(properties, AwsClientProperties.CLIENT_CREDENTIALS_PROVIDER + ".")).resolveCredentials();
        assertEquals(ACCESS_KEY, credentials.accessKeyId());
        assertEquals(SECRET_KEY, credentials.secretAccessKey());
        assertEquals(AwsStaticCredentials.class, new AwsClientProperties(properties).credentialsProvider(null, null, null).getClass(),
                "Iceberg builds the provider from the properties for Glue and for S3 without keys of its own");
    }

    @Test
    void withoutKeysTheDefaultChainApplies() {
        GlueCatalogSpec spec = new GlueCatalogSpec("us-east-1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "finance", "s3://lake/finance", S3Options.defaults());
        Map<String, String> properties = IcebergCatalogs.glueProperties(spec);
        assertFalse(properties.containsKey("client.credentials-provider") || properties.containsKey("glue.endpoint")
                || properties.containsKey("glue.id"), properties.toString());
        assertEquals("AWS Glue catalog 'finance' in region us-east-1", spec.describe());
    }

    @Test
    void unreachableGlueFailsAtOpenNamingTheEndpointButNotTheSecret() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;
        MeshgateException e = assertThrows(MeshgateException.class, () -> IcebergConnector.open(spec(Optional.of(endpoint), S3Options.defaults())));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot open AWS Glue catalog 'finance' (catalog id 123456789012) in region eu-west-1 at "
                + endpoint + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_KEY) || e.getMessage().contains(ACCESS_KEY), e.getMessage());
    }

    @Test
    void keysNeverShowInDescriptionsOrToString() {
        GlueCatalogSpec spec = spec(Optional.of("http://127.0.0.1:5000"), S3Options.defaults());
        for (String text : List.of(spec.toString(), spec.describe())) {
            assertFalse(text.contains(ACCESS_KEY) || text.contains(SECRET_KEY), text);
        }
        assertFalse(AwsStaticCredentials.create(Map.of("access-key-id", ACCESS_KEY, "secret-access-key", SECRET_KEY)).toString()
                .contains(SECRET_KEY));
    }

    @Test
    void invalidSpecsAreRejectedWithWhatToDo() {
        assertRejected("region is blank", () -> new GlueCatalogSpec(" ", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "finance", "s3://lake/finance", S3Options.defaults()));
        assertRejected("give both access-key-id and secret-access-key", () -> new GlueCatalogSpec("us-east-1", Optional.empty(),
                Optional.of(ACCESS_KEY), Optional.empty(), Optional.empty(), "finance", "s3://lake/finance", S3Options.defaults()));
        assertRejected("the catalog's region applies to S3 too", () -> spec(Optional.empty(),
                new S3Options(Optional.empty(), Optional.of("us-west-2"), Optional.empty(), Optional.empty(), false)));
    }

    private static void assertRejected(String expected, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
