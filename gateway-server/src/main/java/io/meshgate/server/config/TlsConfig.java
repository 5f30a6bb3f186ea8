package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * TLS for the Flight SQL server, from PEM files ({@code server.tls:}). The loader checks that both
 * files exist, parse and belong together.
 *
 * @param certificateChain {@code cert:} the server's certificate, then any intermediate certificates, PEM
 * @param privateKey       {@code key:} the certificate's private key, unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
 */
public record TlsConfig(Path certificateChain, Path privateKey) {
    public TlsConfig {
        requireNonNull(certificateChain, "certificateChain is null");
        requireNonNull(privateKey, "privateKey is null");
    }

    /** The same files with relative paths resolved against {@code directory} (the configuration file's). */
    public TlsConfig resolveAgainst(Path directory) {
        requireNonNull(directory, "directory is null");
        return new TlsConfig(directory.resolve(certificateChain), directory.resolve(privateKey));
    }
}
