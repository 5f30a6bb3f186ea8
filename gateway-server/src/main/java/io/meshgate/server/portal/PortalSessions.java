package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.meshgate.policy.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The portal's logged-in sessions: a random 256-bit id per login, valid for {@code ttl} after it
 * (as a Flight bearer token is; using the session does not extend it), until logout. At most
 * {@value #MAX_SESSIONS} sessions are kept; past that the least recently used go first. Ids are
 * never logged.
 */
final class PortalSessions {
    static final int MAX_SESSIONS = 100_000;
    private static final int ID_BYTES = 32;

    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Principal> sessions;

    PortalSessions(Duration ttl, Ticker ticker) {
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.sessions = Caffeine.newBuilder().ticker(requireNonNull(ticker, "ticker is null"))
                .expireAfterWrite(ttl).maximumSize(MAX_SESSIONS).build();
    }

    /** A new session for {@code principal}; its id goes in the cookie. */
    String open(Principal principal) {
        requireNonNull(principal, "principal is null");
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, principal);
        return id;
    }

    /** Who the session belongs to, while it is open and not expired. */
    Optional<Principal> principal(String id) {
        return Optional.ofNullable(sessions.getIfPresent(requireNonNull(id, "id is null")));
    }

    void close(String id) {
        sessions.invalidate(requireNonNull(id, "id is null"));
    }

    /** How long a session lasts from login: the cookie's max age. */
    Duration ttl() {
        return ttl;
    }
}
