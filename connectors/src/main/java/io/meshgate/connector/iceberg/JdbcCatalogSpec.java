package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An Iceberg JDBC catalog (SQLite or PostgreSQL) and its warehouse.
 *
 * @param uri         the catalog database, {@code jdbc:sqlite:/path/catalog.db} or {@code jdbc:postgresql://...}
 * @param catalogName the catalog name rows are stored under in the catalog database
 * @param warehouse   where new tables are written: {@code file:///...} or {@code s3://bucket/prefix};
 *                    existing tables are read wherever their metadata points
 */
public record JdbcCatalogSpec(
        String uri,
        Optional<String> user,
        Optional<String> password,
        String catalogName,
        String warehouse,
        S3Options s3) implements IcebergCatalogSpec {
    public JdbcCatalogSpec {
        requireNonNull(uri, "uri is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(s3, "s3 is null");
        if (!uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Cannot use catalog uri '" + CatalogUris.withoutSecrets(uri)
                    + "': an Iceberg JDBC catalog needs jdbc:sqlite:... or jdbc:postgresql://...");
        }
    }

    /** {@code Iceberg JDBC catalog 'name' at jdbc:...}, with any password in the URI hidden. */
    @Override
    public String describe() {
        return "Iceberg JDBC catalog '" + catalogName + "' at " + CatalogUris.withoutSecrets(uri);
    }

    @Override
    public String toString() {
        return "JdbcCatalogSpec[uri=" + CatalogUris.withoutSecrets(uri) + ", user=" + user + ", password=" + password.map(p -> "***")
                + ", catalogName=" + catalogName + ", warehouse=" + warehouse + ", s3=" + s3 + "]";
    }
}
