package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

/**
 * The web portal ({@code portal:}): where its HTTP server listens and whether it runs at all. Port
 * 0 picks a free port.
 */
public record PortalConfig(String host, int port, boolean enabled) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public PortalConfig {
        requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Cannot listen on port " + port + " for the portal: use 0 to 65535");
        }
    }

    public static PortalConfig defaults() {
        return new PortalConfig(DEFAULT_HOST, DEFAULT_PORT, true);
    }

    public PortalConfig withPort(int newPort) {
        return new PortalConfig(host, newPort, enabled);
    }
}
