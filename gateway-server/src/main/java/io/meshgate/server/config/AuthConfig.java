package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Who may log in, and how long a bearer token issued at login stays valid.
 *
 * @param tokenTtl the time from login after which a token is refused and the client logs in again
 */
public record AuthConfig(List<UserConfig> users, Duration tokenTtl) {
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);

    public AuthConfig {
        users = List.copyOf(requireNonNull(users, "users is null"));
        requireNonNull(tokenTtl, "tokenTtl is null");
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("Cannot use token TTL " + tokenTtl + ": must be positive");
        }
    }

    /** True when any user has a clear-text password. */
    public boolean hasPlainPasswords() {
        return users.stream().anyMatch(u -> u.password() instanceof Password.Plain);
    }
}
