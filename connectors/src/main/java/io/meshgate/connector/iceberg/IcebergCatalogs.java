package io.meshgate.connector.iceberg;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.AwsProperties;
import org.apache.iceberg.aws.glue.GlueCatalog;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.ResolvingFileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.auth.AuthProperties;
import org.apache.iceberg.rest.auth.OAuth2Properties;

/**
 * Opens Iceberg catalogs from their specs. File I/O resolves per path, so one catalog can hold
 * tables whose files sit in local files and in S3 (as a catalog written by another engine may).
 * A catalog that cannot be reached fails to open with {@code EXTERNAL_ERROR} naming it and its
 * address, never a credential.
 */
public final class IcebergCatalogs {
    /** The property Iceberg's REST client reads the routes' path prefix from (it has no constant for it). */
    static final String REST_PREFIX = "prefix";

    private IcebergCatalogs() {
    }

    /** Opens the catalog {@code spec} names: a JDBC, REST or Glue catalog. */
    public static Catalog open(IcebergCatalogSpec spec) {
        if (spec instanceof JdbcCatalogSpec jdbc) {
            return openJdbc(jdbc);
        }
        if (spec instanceof RestCatalogSpec rest) {
            return initialize(new RESTCatalog(), rest, restProperties(rest), catalog -> { });
        }
        GlueCatalogSpec glue = (GlueCatalogSpec) spec;
        // Glue is not called until it is used: list its databases once, so an unreachable Glue fails here as the other catalogs do.
        return initialize(new GlueCatalog(), glue, glueProperties(glue), GlueCatalog::listNamespaces);
    }

    /** Opens a JDBC catalog. */
    public static JdbcCatalog openJdbc(JdbcCatalogSpec spec) {
        Map<String, String> properties = new HashMap<>();
        properties.put(CatalogProperties.URI, spec.uri());
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
        properties.put(CatalogProperties.FILE_IO_IMPL, ResolvingFileIO.class.getName());
        properties.put("jdbc.schema-version", "V1");
        spec.user().ifPresent(u -> properties.put("jdbc.user", u));
        spec.password().ifPresent(p -> properties.put("jdbc.password", p));
        properties.putAll(s3Properties(spec.s3()));
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(new Configuration());
        return initialize(catalog, spec, properties, opened -> { });
    }

    /**
     * The properties of Iceberg's {@code RESTCatalog} for {@code spec}. Authentication is OAuth2
     * when a credential or token is given (a credential is exchanged at the token endpoint, a
     * token is sent as it is), none otherwise.
     */
    static Map<String, String> restProperties(RestCatalogSpec spec) {
        Map<String, String> properties = new HashMap<>(s3Properties(spec.s3()));
        properties.put(CatalogProperties.URI, spec.uri());
        properties.put(CatalogProperties.FILE_IO_IMPL, ResolvingFileIO.class.getName());
        spec.warehouse().ifPresent(w -> properties.put(CatalogProperties.WAREHOUSE_LOCATION, w));
        spec.prefix().ifPresent(p -> properties.put(REST_PREFIX, p));
        boolean authenticated = spec.credential().isPresent() || spec.token().isPresent();
        properties.put(AuthProperties.AUTH_TYPE, authenticated ? AuthProperties.AUTH_TYPE_OAUTH2 : AuthProperties.AUTH_TYPE_NONE);
        spec.credential().ifPresent(c -> properties.put(OAuth2Properties.CREDENTIAL, c));
        spec.token().ifPresent(t -> properties.put(OAuth2Properties.TOKEN, t));
        spec.oauth2ServerUri().ifPresent(u -> properties.put(OAuth2Properties.OAUTH2_SERVER_URI, u));
        spec.scope().ifPresent(s -> properties.put(OAuth2Properties.SCOPE, s));
        // A scan report carries the scan's filter with the query's literal values: they stay in the gateway.
        properties.put(RESTCatalogProperties.METRICS_REPORTING_ENABLED, "false");
        return properties;
    }

    /**
     * The properties of Iceberg's {@code GlueCatalog} for {@code spec}: the region serves Glue and
     * S3; static credentials, when given, serve Glue and S3 unless the S3 options have their own.
     */
    static Map<String, String> glueProperties(GlueCatalogSpec spec) {
        Map<String, String> properties = new HashMap<>(s3Properties(spec.s3()));
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
        properties.put(CatalogProperties.FILE_IO_IMPL, ResolvingFileIO.class.getName());
        properties.put(AwsClientProperties.CLIENT_REGION, spec.region());
        spec.endpoint().ifPresent(e -> properties.put(AwsProperties.GLUE_CATALOG_ENDPOINT, e));
        spec.catalogId().ifPresent(id -> properties.put(AwsProperties.GLUE_CATALOG_ID, id));
        if (spec.accessKeyId().isPresent()) {
            String prefix = AwsClientProperties.CLIENT_CREDENTIALS_PROVIDER + ".";
            properties.put(AwsClientProperties.CLIENT_CREDENTIALS_PROVIDER, AwsStaticCredentials.class.getName());
            properties.put(prefix + AwsStaticCredentials.ACCESS_KEY_ID, spec.accessKeyId().get());
            properties.put(prefix + AwsStaticCredentials.SECRET_ACCESS_KEY, spec.secretAccessKey().orElseThrow());
        }
        return properties;
    }

    /**
     * Initializes {@code catalog} and checks it answers with {@code probe}; on failure releases what
     * it opened and names the catalog, never its credentials.
     */
    private static <C extends Catalog> C initialize(C catalog, IcebergCatalogSpec spec, Map<String, String> properties, Consumer<C> probe) {
        try {
            catalog.initialize(spec.catalogName(), properties);
            probe.accept(catalog);
        } catch (RuntimeException e) {
            closeQuietly(catalog, e);
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot open " + spec.describe() + ": " + ExternalErrors.rootMessage(e)
                    + " (check that the catalog is running, reachable from the gateway, and that its credentials are valid)", e);
        }
        return catalog;
    }

    /** Releases what a catalog that failed to initialize has opened (its file I/O), keeping the first failure. */
    private static void closeQuietly(Catalog catalog, RuntimeException failure) {
        if (catalog instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    static Map<String, String> s3Properties(S3Options s3) {
        Map<String, String> properties = new HashMap<>();
        s3.endpoint().ifPresent(e -> properties.put(S3FileIOProperties.ENDPOINT, e));
        s3.region().ifPresent(r -> properties.put(AwsClientProperties.CLIENT_REGION, r));
        s3.accessKeyId().ifPresent(k -> properties.put(S3FileIOProperties.ACCESS_KEY_ID, k));
        s3.secretAccessKey().ifPresent(k -> properties.put(S3FileIOProperties.SECRET_ACCESS_KEY, k));
        if (s3.pathStyleAccess()) {
            properties.put(S3FileIOProperties.PATH_STYLE_ACCESS, "true");
        }
        return properties;
    }
}
