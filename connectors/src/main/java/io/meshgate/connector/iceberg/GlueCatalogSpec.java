package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An AWS Glue Data Catalog read through Iceberg's Glue catalog: Glue databases are the
 * namespaces, Glue tables of type {@code ICEBERG} the tables.
 *
 * @param region          the AWS region of the catalog; S3 is reached in the same region
 * @param endpoint        an endpoint override for the Glue API (a Glue-compatible server, a VPC endpoint)
 * @param accessKeyId     static credentials for Glue, and for S3 unless {@code s3} gives its own; without them the
 *                        AWS SDK's default chain applies (environment, profile, instance or container role)
 * @param secretAccessKey the secret of {@code accessKeyId}
 * @param catalogId       the Glue catalog to read, an AWS account id; the credentials' own account when empty
 * @param catalogName     the name the catalog goes by in Meshgate's errors and logs
 * @param warehouse       where new tables are written, {@code s3://bucket/prefix}
 * @param s3              how to reach S3; its region, if given, must be {@code region}
 */
public record GlueCatalogSpec(
        String region,
        Optional<String> endpoint,
        Optional<String> accessKeyId,
        Optional<String> secretAccessKey,
        Optional<String> catalogId,
        String catalogName,
        String warehouse,
        S3Options s3) implements IcebergCatalogSpec {
    public GlueCatalogSpec {
        requireNonNull(region, "region is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(catalogId, "catalogId is null");
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(s3, "s3 is null");
        if (region.isBlank()) {
            throw new IllegalArgumentException("Cannot use AWS Glue catalog '" + catalogName + "': region is blank (use us-east-1, eu-west-1, ...)");
        }
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("Cannot use AWS Glue catalog '" + catalogName
                    + "': give both access-key-id and secret-access-key, or neither");
        }
        if (s3.region().isPresent() && !s3.region().get().equals(region)) {
            throw new IllegalArgumentException("Cannot use AWS Glue catalog '" + catalogName + "': s3 region " + s3.region().get()
                    + " differs from the catalog's region " + region + " (leave s3.region out: the catalog's region applies to S3 too)");
        }
    }

    /** {@code AWS Glue catalog 'name' in region r}, with the endpoint when it is overridden and the catalog id when given. */
    @Override
    public String describe() {
        return "AWS Glue catalog '" + catalogName + "'" + catalogId.map(id -> " (catalog id " + id + ")").orElse("")
                + " in region " + region + endpoint.map(e -> " at " + CatalogUris.withoutSecrets(e)).orElse("");
    }

    @Override
    public String toString() {
        return "GlueCatalogSpec[region=" + region + ", endpoint=" + endpoint + ", accessKeyId=" + accessKeyId.map(k -> "***")
                + ", secretAccessKey=" + secretAccessKey.map(k -> "***") + ", catalogId=" + catalogId + ", catalogName=" + catalogName
                + ", warehouse=" + warehouse + ", s3=" + s3 + "]";
    }
}
