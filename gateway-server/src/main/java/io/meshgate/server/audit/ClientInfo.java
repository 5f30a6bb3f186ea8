package io.meshgate.server.audit;

import static java.util.Objects.requireNonNull;

/**
 * Where a call came from, as far as the transport can tell.
 *
 * @param application the client's own name for itself (its user agent), or {@value #UNKNOWN}
 * @param address     the client's IP address, or {@value #UNKNOWN}
 */
public record ClientInfo(String application, String address) {
    public static final String UNKNOWN = "unknown";

    public ClientInfo {
        requireNonNull(application, "application is null");
        requireNonNull(address, "address is null");
    }

    public static ClientInfo unknown() {
        return new ClientInfo(UNKNOWN, UNKNOWN);
    }
}
