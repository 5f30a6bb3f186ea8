package io.meshgate.server.e2e.catalogs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.connector.iceberg.GlueCatalogSpec;
import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.iceberg.SampleCustomers;
import io.meshgate.connector.iceberg.SampleOrders;
import java.io.Closeable;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A domain bound to AWS Glue ({@code type: glue}) through Iceberg's Glue catalog, against moto's
 * local Glue- and S3-compatible server: tables written through Iceberg's Glue catalog into an
 * {@code s3://} warehouse, then listed, queried and joined with a JDBC-catalog domain through
 * Arrow's Flight SQL JDBC driver. The Glue keys serve S3 too (the {@code s3} section has none).
 */
class GlueCatalogIT {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final int CUSTOMER_COUNT = 10;

    @TempDir
    static Path directory;
    static MotoServer moto;
    static String domains;

    @BeforeAll
    static void writeCatalogs() throws Exception {
        moto = MotoServer.start();
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.of(REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
                .build()) {
            s3.createBucket(request -> request.bucket("lake"));
        }
        S3Options s3 = new S3Options(Optional.of(moto.endpoint()), Optional.empty(), Optional.empty(), Optional.empty(), true);
        Catalog glue = IcebergCatalogs.open(new GlueCatalogSpec(REGION, Optional.of(moto.endpoint()), Optional.of(MotoServer.ACCESS_KEY),
                Optional.of(MotoServer.SECRET_KEY), Optional.empty(), "writer", "s3://lake/customer", s3));
        try {
            ((SupportsNamespaces) glue).createNamespace(Namespace.of("crm"));
            SampleCustomers.create(glue, TableIdentifier.of(Namespace.of("crm"), "customers"), CUSTOMER_COUNT);
        } finally {
            ((Closeable) glue).close();
        }
        domains = CatalogMesh.jdbcCommerceDomain(directory)
                + "  - name: customer\n"
                + "    catalog: {type: glue, region: " + REGION + ", endpoint: \"" + moto.endpoint() + "\", catalog-id: \"" + ACCOUNT + "\",\n"
                + "              access-key-id: " + MotoServer.ACCESS_KEY + ", warehouse: \"s3://lake/customer\",\n"
                + "              s3: {endpoint: \"" + moto.endpoint() + "\", path-style-access: true}}\n";
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void glueDomainIsListedAndQueriedAndJoinsAJdbcDomain() throws Exception {
        try (CatalogMesh mesh = CatalogMesh.start(domains, Map.of("MESHGATE_DOMAINS_1_CATALOG_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY))) {
            assertEquals(List.of("crm.customers"), mesh.tables("customer"));
            assertEquals(List.of(List.of((long) CUSTOMER_COUNT, "APAC")), mesh.rows("SELECT count(*), min(region) FROM customer.crm.customers"));
            assertEquals(List.of(List.of(3L, "city 3")), mesh.rows("SELECT id, c.address.city FROM customer.crm.customers c WHERE id = 3"));
            Map<String, Long> expected = new TreeMap<>();
            for (long key = 1; key <= CatalogMesh.ORDER_COUNT; key++) {
                expected.merge(SampleCustomers.region(SampleOrders.custkey(key)), 1L, Long::sum);
            }
            Map<String, Long> actual = new TreeMap<>();
            mesh.rows("SELECT c.region, count(*) FROM commerce.sales.orders o JOIN customer.crm.customers c ON o.o_custkey = c.id"
                    + " GROUP BY c.region").forEach(row -> actual.put((String) row.get(0), (Long) row.get(1)));
            assertEquals(expected, actual);
        }
    }
}
