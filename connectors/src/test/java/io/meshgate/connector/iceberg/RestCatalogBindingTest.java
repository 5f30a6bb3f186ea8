package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a REST catalog spec becomes Iceberg's REST client: its properties, its authentication against a real server, its errors. */
class RestCatalogBindingTest {
    private static final String SECRET = "very-secret-value";
    private static final String TOKEN = "static-bearer-token";

    @TempDir
    static Path directory;
    static RestCatalogServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RestCatalogServer.start(directory, "shop", S3Options.defaults(), directory.resolve("warehouse").toUri().toString(),
                RestCatalogServer.Authentication.required(TOKEN, "meshgate", SECRET));
        ((SupportsNamespaces) server.backend()).createNamespace(Namespace.of("sales"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static RestCatalogSpec spec(String uri, Optional<String> credential, Optional<String> token) {
        return new RestCatalogSpec(uri, "shop", Optional.empty(), credential, token, Optional.empty(), Optional.empty(), Optional.empty(),
                S3Options.defaults());
    }

    @Test
    void propertiesNameIcebergsRestClientSettings() {
        RestCatalogSpec spec = new RestCatalogSpec("https://catalog.example:8181/api/catalog", "shop", Optional.of("lake"),
                Optional.of("id:" + SECRET), Optional.empty(), Optional.of("https://auth.example/oauth/token"), Optional.of("PRINCIPAL_ROLE:ALL"),
                Optional.of("prod"), new S3Options(Optional.of("http://minio:9000"), Optional.of("eu-west-1"), Optional.empty(), Optional.empty(), true));
        Map<String, String> properties = IcebergCatalogs.restProperties(spec);
        assertEquals("https://catalog.example:8181/api/catalog", properties.get("uri"));
        assertEquals("lake", properties.get("warehouse"));
        assertEquals("prod", properties.get("prefix"));
        assertEquals("oauth2", properties.get("rest.auth.type"));
        assertEquals("id:" + SECRET, properties.get("credential"));
        assertEquals("https://auth.example/oauth/token", properties.get("oauth2-server-uri"));
        assertEquals("PRINCIPAL_ROLE:ALL", properties.get("scope"));
        assertFalse(properties.containsKey("token"));
        assertEquals("false", properties.get("rest-metrics-reporting-enabled"));
        assertEquals("http://minio:9000", properties.get("s3.endpoint"));
        assertEquals("true", properties.get("s3.path-style-access"));
        assertEquals("eu-west-1", properties.get("client.region"));
    }

    @Test
    void withoutCredentialOrTokenNoAuthenticationIsSent() {
        Map<String, String> properties = IcebergCatalogs.restProperties(spec("http://catalog:8181", Optional.empty(), Optional.empty()));
        assertEquals("none", properties.get("rest.auth.type"));
        assertFalse(properties.containsKey("credential") || properties.containsKey("token") || properties.containsKey("warehouse"));
    }

    @Test
    void staticTokenIsSentAsBearer() throws IOException {
        try (IcebergConnector connector = IcebergConnector.open(spec(server.uri(), Optional.empty(), Optional.of(TOKEN)))) {
            assertTrue(connector.schemaNames().contains("sales"), connector.schemaNames().toString());
        }
    }

    @Test
    void wrongSecretFailsAtOpenNamingTheCatalogButNotTheSecret() {
        String wrong = "wrong-secret-value";
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> IcebergConnector.open(spec(server.uri(), Optional.of("meshgate:" + wrong), Optional.empty())));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot open Iceberg REST catalog 'shop' at " + server.uri() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
    }

    @Test
    void missingAuthenticationFailsAtOpen() {
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> IcebergConnector.open(spec(server.uri(), Optional.empty(), Optional.empty())));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("Not authorized"), e.getMessage());
    }

    @Test
    void unreachableCatalogIsAnExternalErrorNamingItsUri() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + port;
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> IcebergConnector.open(spec(uri, Optional.of("meshgate:" + SECRET), Optional.empty())));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot open Iceberg REST catalog 'shop' at " + uri + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void secretsNeverShowInDescriptionsOrToString() {
        RestCatalogSpec withCredential = new RestCatalogSpec("https://user:pw-in-uri@catalog.example/api", "shop", Optional.empty(),
                Optional.of("id:" + SECRET), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), S3Options.defaults());
        RestCatalogSpec withToken = spec("http://catalog:8181", Optional.empty(), Optional.of(TOKEN));
        for (String text : List.of(withCredential.toString(), withCredential.describe(), withToken.toString(), withToken.describe())) {
            assertFalse(text.contains(SECRET) || text.contains(TOKEN) || text.contains("pw-in-uri"), text);
        }
        assertEquals("Iceberg REST catalog 'shop' at https://***@catalog.example/api", withCredential.describe());
    }

    @Test
    void invalidSpecsAreRejectedWithWhatToDo() {
        assertRejected("an Iceberg REST catalog needs http://", () -> spec("jdbc:sqlite:x.db", Optional.empty(), Optional.empty()));
        assertRejected("give credential or token, not both", () -> spec("http://c", Optional.of("a:b"), Optional.of("t")));
        assertRejected("client-id:client-secret", () -> spec("http://c", Optional.of("only-a-secret"), Optional.empty()));
        assertRejected("apply to a credential", () -> new RestCatalogSpec("http://c", "shop", Optional.empty(), Optional.empty(),
                Optional.of("t"), Optional.empty(), Optional.of("catalog"), Optional.empty(), S3Options.defaults()));
    }

    private static void assertRejected(String expected, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
