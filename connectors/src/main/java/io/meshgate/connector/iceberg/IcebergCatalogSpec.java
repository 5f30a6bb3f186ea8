package io.meshgate.connector.iceberg;

/**
 * Where a domain's Iceberg tables are catalogued: an Iceberg JDBC catalog, an Iceberg REST
 * catalog or AWS Glue, with how to reach S3 for tables in {@code s3://}. {@link IcebergCatalogs#open}
 * opens any of them; {@link IcebergConnector} reads any of them alike.
 */
public sealed interface IcebergCatalogSpec permits JdbcCatalogSpec, RestCatalogSpec, GlueCatalogSpec {
    /** The catalog's name in Iceberg: it names the catalog in errors (and for JDBC, its rows in the catalog database). */
    String catalogName();

    /** How to reach an S3 API for tables whose files are in {@code s3://}. */
    S3Options s3();

    /**
     * What the catalog is and where, for logs and errors, never with a credential:
     * {@code Iceberg REST catalog 'commerce' at http://catalog:8181}.
     */
    String describe();
}
