package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeshgateDriverTest {
    private final MeshgateDriver driver = new MeshgateDriver();

    @Test
    void hostAloneConnectsToTheDefaultPortWithoutTls() throws SQLException {
        assertEquals("jdbc:arrow-flight-sql://gateway.example.com:31337?useEncryption=false",
                arrowUrl("jdbc:meshgate://gateway.example.com"));
        assertEquals("jdbc:arrow-flight-sql://gateway.example.com:31337?useEncryption=false",
                arrowUrl("jdbc:meshgate://gateway.example.com/"));
    }

    @Test
    void explicitPortAndAddressesAreKept() throws SQLException {
        assertEquals("jdbc:arrow-flight-sql://127.0.0.1:4242?useEncryption=false", arrowUrl("jdbc:meshgate://127.0.0.1:4242"));
        assertEquals("jdbc:arrow-flight-sql://[::1]:4242?useEncryption=false", arrowUrl("jdbc:meshgate://[::1]:4242"));
        assertEquals("jdbc:arrow-flight-sql://[::1]:31337?useEncryption=false", arrowUrl("jdbc:meshgate://[::1]"));
    }

    @Test
    void tlsParameterBecomesArrowsUseEncryption() throws SQLException {
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=true", arrowUrl("jdbc:meshgate://h?tls=true"));
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=false", arrowUrl("jdbc:meshgate://h?TLS=False"));
    }

    @Test
    void tlsPropertyAppliesWhenTheUrlDoesNotSayAndIsNotPassedOn() throws SQLException {
        ArrowTarget target = target("jdbc:meshgate://h", properties(Map.of("tls", "true", "user", "admin")));
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=true", target.url());
        assertEquals(properties(Map.of("user", "admin")), target.properties());

        ArrowTarget urlWins = target("jdbc:meshgate://h?tls=false", properties(Map.of("tls", "true")));
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=false", urlWins.url());
    }

    @Test
    void tlsTrustOptionsBecomeArrowsOptions() throws SQLException {
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=true&tlsRootCerts=%2Fetc%2Fca.pem&disableCertificateVerification=false",
                arrowUrl("jdbc:meshgate://h?tls=true&tlsRootCert=%2Fetc%2Fca.pem&tlsVerify=true"));
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=true&disableCertificateVerification=true",
                arrowUrl("jdbc:meshgate://h?tls=true&TLSVERIFY=false"));
        ArrowTarget target = target("jdbc:meshgate://h?tls=true", properties(Map.of("tlsRootCert", "/etc/ca.pem", "tlsVerify", "false")));
        assertEquals(properties(Map.of("tlsRootCerts", "/etc/ca.pem", "disableCertificateVerification", "true")), target.properties());
    }

    @Test
    void tlsVerifyMustBeABoolean() {
        SQLException inUrl = assertThrows(SQLException.class, () -> arrowUrl("jdbc:meshgate://h?tls=true&tlsVerify=maybe"));
        assertEquals("Cannot connect to 'jdbc:meshgate://h?tls=true&tlsVerify=maybe': tlsVerify must be true or false, not 'maybe'",
                inUrl.getMessage());
        SQLException inProperty = assertThrows(SQLException.class,
                () -> target("jdbc:meshgate://h", properties(Map.of("tlsVerify", "no"))));
        assertEquals("Cannot connect to 'jdbc:meshgate://h': tlsVerify must be true or false, not 'no' (property)", inProperty.getMessage());
    }

    @Test
    void otherParametersPassThroughUnchangedAndInOrder() throws SQLException {
        assertEquals("jdbc:arrow-flight-sql://h:9000?useEncryption=true&catalog=commerce&threadPoolSize=4&token=a%2Bb",
                arrowUrl("jdbc:meshgate://h:9000?catalog=commerce&tls=true&threadPoolSize=4&token=a%2Bb"));
        assertEquals("jdbc:arrow-flight-sql://h:31337?useEncryption=false&a=1", arrowUrl("jdbc:meshgate://h?&a=1&"));
    }

    @Test
    void credentialsAndTokenPropertiesPassThrough() throws SQLException {
        Properties given = properties(Map.of("user", "admin", "password", "secret", "token", "t0ken", "retainCookies", "true"));
        assertEquals(given, target("jdbc:meshgate://h", given).properties());
    }

    @Test
    void otherProtocolsAreNotAcceptedAndConnectReturnsNull() throws SQLException {
        for (String url : new String[] {"jdbc:postgresql://h:5432/db", "jdbc:arrow-flight-sql://h:31337", "jdbc:meshgatex://h", ""}) {
            assertFalse(driver.acceptsURL(url), url);
            assertNull(driver.connect(url, new Properties()), url);
            assertEquals(0, driver.getPropertyInfo(url, new Properties()).length, url);
        }
        assertTrue(driver.acceptsURL("jdbc:meshgate://h"));
        assertTrue(driver.acceptsURL("JDBC:MESHGATE://h"));
        assertThrows(SQLException.class, () -> driver.acceptsURL(null));
    }

    @Test
    void malformedMeshgateUrlsFailWithAClearMessage() {
        assertMalformed("jdbc:meshgate://h:abc", "port 'abc' is not a number between 1 and 65535");
        assertMalformed("jdbc:meshgate://h:70000", "port 70000 is not between 1 and 65535");
        assertMalformed("jdbc:meshgate://h:0", "port 0 is not between 1 and 65535");
        assertMalformed("jdbc:meshgate://h:", "the port after ':' is missing");
        assertMalformed("jdbc:meshgate://", "no host");
        assertMalformed("jdbc:meshgate:h:31337", "expected jdbc:meshgate://host[:port]");
        assertMalformed("jdbc:meshgate://h/commerce", "unexpected path '/commerce'");
        assertMalformed("jdbc:meshgate://admin:secret@h", "credentials do not belong in the URL");
        assertMalformed("jdbc:meshgate://h?tls=yes", "tls must be true or false, not 'yes'");
        assertMalformed("jdbc:meshgate://h?useEncryption=true", "use tls=true|false rather than useEncryption");
        assertMalformed("jdbc:meshgate://h?catalog", "parameter 'catalog' is not key=value");
        assertMalformed("jdbc:meshgate://h a", "Illegal character");
    }

    @Test
    void malformedTlsPropertyFailsWithAClearMessage() {
        SQLException e = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:meshgate://h", properties(Map.of("tls", "on"))));
        assertTrue(e.getMessage().contains("tls must be true or false, not 'on' (property)"), e.getMessage());
        SQLException arrowSwitch = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:meshgate://h", properties(Map.of("useEncryption", "true"))));
        assertTrue(arrowSwitch.getMessage().contains("use tls=true|false"), arrowSwitch.getMessage());
    }

    @Test
    void connectHandsTheTranslatedUrlToArrowsDriver() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:meshgate://127.0.0.1:" + port;
        SQLException e = assertThrows(SQLException.class, () -> driver.connect(url, properties(Map.of("user", "u", "password", "p"))));
        assertFalse(e.getMessage().startsWith("Cannot connect to '" + url), "the meshgate URL itself is valid: " + e.getMessage());
    }

    @Test
    void driverManagerFindsTheDriverThroughItsServiceEntry() throws SQLException {
        assertInstanceOf(MeshgateDriver.class, DriverManager.getDriver("jdbc:meshgate://localhost"));
    }

    @Test
    void propertyInfoListsCredentialsTokenAndTls() throws SQLException {
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:meshgate://h?tls=true", properties(Map.of("user", "admin")));
        Map<String, DriverPropertyInfo> byName = Arrays.stream(info).collect(Collectors.toMap(p -> p.name, p -> p));
        assertEquals(java.util.Set.of("user", "password", "token", "tls"), byName.keySet());
        assertEquals("admin", byName.get("user").value);
        assertNull(byName.get("password").value);
        assertEquals("true", byName.get("tls").value);
        assertArrayEquals(new String[] {"true", "false"}, byName.get("tls").choices);
        assertEquals("false", driver.getPropertyInfo("jdbc:meshgate://h", new Properties())[3].value);
    }

    @Test
    void versionAndComplianceAreHonest() {
        assertEquals(0, driver.getMajorVersion());
        assertEquals(1, driver.getMinorVersion());
        assertFalse(driver.jdbcCompliant());
        assertEquals("io.meshgate.jdbc", driver.getParentLogger().getName());
    }

    private void assertMalformed(String url, String problem) {
        SQLException e = assertThrows(SQLException.class, () -> driver.connect(url, new Properties()), url);
        assertTrue(e.getMessage().startsWith("Cannot connect to '" + url + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals("08001", e.getSQLState());
    }

    private static String arrowUrl(String url) throws SQLException {
        return target(url, new Properties()).url();
    }

    private static ArrowTarget target(String url, Properties info) throws SQLException {
        return ArrowTarget.of(MeshgateUrl.parse(url), info, url);
    }

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }
}
