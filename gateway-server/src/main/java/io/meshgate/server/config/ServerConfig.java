package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/** Where the Flight SQL server listens, and with which TLS certificate if any. Port 0 picks a free port. */
public record ServerConfig(String host, int port, Optional<TlsConfig> tls) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 31337;

    public ServerConfig {
        requireNonNull(host, "host is null");
        requireNonNull(tls, "tls is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Cannot listen on port " + port + ": use 0 to 65535");
        }
    }

    /** Without TLS. */
    public ServerConfig(String host, int port) {
        this(host, port, Optional.empty());
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, tls);
    }

    /** The same settings with relative TLS file paths resolved against {@code directory} (the configuration file's). */
    public ServerConfig resolveAgainst(Path directory) {
        return new ServerConfig(host, port, tls.map(files -> files.resolveAgainst(directory)));
    }
}
