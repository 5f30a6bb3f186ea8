package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How to reach an S3 API for {@code s3://} warehouses: endpoint override (for MinIO, s3proxy and
 * other S3-compatible servers), region, static credentials and path-style addressing. Anything
 * left empty falls back to the AWS SDK's default chain.
 */
public record S3Options(
        Optional<String> endpoint,
        Optional<String> region,
        Optional<String> accessKeyId,
        Optional<String> secretAccessKey,
        boolean pathStyleAccess) {
    public S3Options {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("Cannot configure S3: give both access-key-id and secret-access-key, or neither");
        }
    }

    public static S3Options defaults() {
        return new S3Options(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    @Override
    public String toString() {
        return "S3Options[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId.map(k -> "***")
                + ", secretAccessKey=" + secretAccessKey.map(k -> "***") + ", pathStyleAccess=" + pathStyleAccess + "]";
    }
}
