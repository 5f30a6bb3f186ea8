package io.meshgate.connector.iceberg;

import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * Test fixture: an in-memory S3 API server (s3proxy) on a free port of 127.0.0.1, with static
 * credentials and path-style access, holding the given buckets.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "meshgate-access";
    public static final String SECRET_KEY = "meshgate-secret";

    private final S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static S3ProxyServer start(String... buckets) throws Exception {
        TransientNio2BlobStore store = new TransientNio2BlobStore();
        for (String bucket : buckets) {
            store.createContainer(bucket);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cannot start s3proxy: state " + proxy.getState() + " after 10 s");
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(proxy);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Options that reach this server. */
    public S3Options options() {
        return new S3Options(Optional.of(endpoint()), Optional.of("us-east-1"), Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), true);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
