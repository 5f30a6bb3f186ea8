package io.meshgate.server.e2e.catalogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.RestCatalogServer;
import io.meshgate.connector.iceberg.RestCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.iceberg.SampleCustomers;
import io.meshgate.connector.iceberg.SampleOrders;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.launcher.MeshgateServer;
import java.io.Closeable;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A domain bound to an Iceberg REST catalog ({@code type: rest}), served beside a domain bound to
 * an Iceberg JDBC catalog: a real REST catalog server over HTTP that demands OAuth2 client
 * credentials, whose secret reaches the gateway through a MESHGATE_* environment variable; tables
 * written through the REST catalog; queries and a join across both domains through Arrow's Flight
 * SQL JDBC driver.
 */
class RestCatalogIT {
    private static final String CLIENT_SECRET = "rest-client-secret-42";
    private static final int CUSTOMER_COUNT = 10;

    @TempDir
    static Path directory;
    static RestCatalogServer restServer;
    static String domains;

    @BeforeAll
    static void writeCatalogs() throws Exception {
        restServer = RestCatalogServer.start(directory, "customer", S3Options.defaults(), directory.resolve("customer-warehouse").toUri().toString(),
                RestCatalogServer.Authentication.required("unused-static-token", "meshgate", CLIENT_SECRET));
        Catalog rest = IcebergCatalogs.open(new RestCatalogSpec(restServer.uri(), "writer", Optional.empty(),
                Optional.of("meshgate:" + CLIENT_SECRET), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                S3Options.defaults()));
        try {
            SampleCustomers.create(rest, TableIdentifier.of(Namespace.of("crm"), "customers"), CUSTOMER_COUNT);
        } finally {
            ((Closeable) rest).close();
        }
        domains = CatalogMesh.jdbcCommerceDomain(directory)
                + "  - name: customer\n    catalog: {type: rest, uri: \"" + restServer.uri() + "\"}\n";
    }

    @AfterAll
    static void stopRestServer() throws Exception {
        restServer.close();
    }

    private static Map<String, String> credentialFromEnvironment() {
        return Map.of("MESHGATE_DOMAINS_1_CATALOG_CREDENTIAL", "meshgate:" + CLIENT_SECRET);
    }

    @Test
    void restDomainIsListedAndQueriedAndJoinsAJdbcDomain() throws Exception {
        int rejectedBefore = restServer.rejectedRequests();
        try (CatalogMesh mesh = CatalogMesh.start(domains, credentialFromEnvironment())) {
            assertEquals(List.of("crm.customers"), mesh.tables("customer"));
            assertEquals(List.of(List.of((long) CUSTOMER_COUNT, "APAC")),
                    mesh.rows("SELECT count(*), min(region) FROM customer.crm.customers"));
            assertEquals(List.of(List.of(3L, "city 3")),
                    mesh.rows("SELECT id, c.address.city FROM customer.crm.customers c WHERE id = 3"));
            Map<String, Long> expected = new TreeMap<>();
            for (long key = 1; key <= CatalogMesh.ORDER_COUNT; key++) {
                expected.merge(SampleCustomers.region(SampleOrders.custkey(key)), 1L, Long::sum);
            }
            List<List<Object>> joined = mesh.rows("SELECT c.region, count(*) FROM commerce.sales.orders o"
                    + " JOIN customer.crm.customers c ON o.o_custkey = c.id GROUP BY c.region ORDER BY c.region");
            Map<String, Long> actual = new TreeMap<>();
            joined.forEach(row -> actual.put((String) row.get(0), (Long) row.get(1)));
            assertEquals(expected, actual);
        }
        assertEquals(rejectedBefore, restServer.rejectedRequests(), "every request carried the token issued for the credential");
    }

    @Test
    void startupLogNamesTheCatalogTypeAndUriButNoSecret() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MeshgateServer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try (CatalogMesh mesh = CatalogMesh.start(domains, credentialFromEnvironment())) {
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.contains("Domain customer: Iceberg REST catalog 'customer' at " + restServer.uri()), lines.toString());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("Domain commerce: Iceberg JDBC catalog 'commerce' at jdbc:sqlite:")),
                    lines.toString());
            assertFalse(lines.toString().contains(CLIENT_SECRET), lines.toString());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }

    @Test
    void wrongSecretStopsTheStartWithAnExternalErrorNamingDomainAndUri() {
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> CatalogMesh.start(domains, Map.of("MESHGATE_DOMAINS_1_CATALOG_CREDENTIAL", "meshgate:not-the-secret")));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot open domain 'customer': Cannot open Iceberg REST catalog 'customer' at "
                + restServer.uri() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
    }

    @Test
    void unreachableRestCatalogStopsTheStartWithAnExternalErrorNamingDomainAndUri() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + port;
        MeshgateException e = assertThrows(MeshgateException.class, () -> CatalogMesh.start(domains,
                Map.of("MESHGATE_DOMAINS_1_CATALOG_URI", uri, "MESHGATE_DOMAINS_1_CATALOG_CREDENTIAL", "meshgate:" + CLIENT_SECRET)));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot open domain 'customer': Cannot open Iceberg REST catalog 'customer' at " + uri + ": "),
                e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
    }
}
