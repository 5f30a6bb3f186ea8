package io.meshgate.connector.iceberg;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.io.ResolvingFileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** Opens Iceberg catalogs from their specs. */
public final class IcebergCatalogs {
    private IcebergCatalogs() {
    }

    /**
     * Opens a JDBC catalog. File I/O resolves per path, so one catalog can hold tables whose
     * metadata sits in local files and in S3 (as a catalog written by another engine may).
     */
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
        try {
            catalog.initialize(spec.catalogName(), properties);
        } catch (RuntimeException e) {
            closeQuietly(catalog, e);
            throw new MeshgateException(ErrorCode.EXTERNAL_ERROR,
                    "Cannot open Iceberg JDBC catalog '" + spec.catalogName() + "' at " + spec.uri() + ": " + rootMessage(e), e);
        }
        return catalog;
    }

    /** Releases what a catalog that failed to initialize has opened (its file I/O), keeping the first failure. */
    private static void closeQuietly(JdbcCatalog catalog, RuntimeException failure) {
        try {
            catalog.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static Map<String, String> s3Properties(S3Options s3) {
        Map<String, String> properties = new HashMap<>();
        s3.endpoint().ifPresent(e -> properties.put(S3FileIOProperties.ENDPOINT, e));
        s3.region().ifPresent(r -> properties.put("client.region", r));
        s3.accessKeyId().ifPresent(k -> properties.put(S3FileIOProperties.ACCESS_KEY_ID, k));
        s3.secretAccessKey().ifPresent(k -> properties.put(S3FileIOProperties.SECRET_ACCESS_KEY, k));
        if (s3.pathStyleAccess()) {
            properties.put(S3FileIOProperties.PATH_STYLE_ACCESS, "true");
        }
        return properties;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
