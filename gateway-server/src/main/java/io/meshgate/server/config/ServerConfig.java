package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

/** Where the Flight SQL server listens. Port 0 picks a free port. */
public record ServerConfig(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 31337;

    public ServerConfig {
        requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Cannot listen on port " + port + ": use 0 to 65535");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort);
    }
}
