package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Static AWS credentials for the AWS clients Iceberg makes (Glue, and S3 when it has no keys of its
 * own). Iceberg builds it by reflection from the catalog properties
 * {@code client.credentials-provider} (this class's name) and
 * {@code client.credentials-provider.access-key-id} / {@code .secret-access-key}: the AWS SDK's
 * own static provider cannot be built from properties. Public only for that reflection.
 */
public final class AwsStaticCredentials implements AwsCredentialsProvider {
    static final String ACCESS_KEY_ID = "access-key-id";
    static final String SECRET_ACCESS_KEY = "secret-access-key";

    private final AwsCredentials credentials;

    private AwsStaticCredentials(AwsCredentials credentials) {
        this.credentials = credentials;
    }

    /** Called by Iceberg with the properties under {@code client.credentials-provider.}, prefix removed. */
    public static AwsStaticCredentials create(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        String accessKeyId = properties.get(ACCESS_KEY_ID);
        String secretAccessKey = properties.get(SECRET_ACCESS_KEY);
        if (accessKeyId == null || secretAccessKey == null) {
            throw new IllegalArgumentException("Cannot make static AWS credentials: both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY
                    + " are needed");
        }
        return new AwsStaticCredentials(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "AwsStaticCredentials[***]";
    }
}
