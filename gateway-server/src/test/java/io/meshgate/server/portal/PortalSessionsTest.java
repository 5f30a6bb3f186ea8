package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PortalSessionsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final PortalSessions sessions = new PortalSessions(Duration.ofMinutes(10), nanos::get);
    private final Principal ana = Principal.of("ana");

    @Test
    void aSessionIsARandom256BitIdForItsPrincipal() {
        String first = sessions.open(ana);
        String second = sessions.open(ana);
        assertNotEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + first);
        assertEquals(Optional.of(ana), sessions.principal(first));
        assertEquals(Optional.empty(), sessions.principal("made-up"));
    }

    @Test
    void aSessionEndsItsTtlAfterLoginHoweverMuchItIsUsed() {
        String id = sessions.open(ana);
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertEquals(Optional.of(ana), sessions.principal(id));
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals(Optional.empty(), sessions.principal(id));
    }

    @Test
    void logoutEndsTheSession() {
        String id = sessions.open(ana);
        String other = sessions.open(ana);
        sessions.close(id);
        assertEquals(Optional.empty(), sessions.principal(id));
        assertEquals(Optional.of(ana), sessions.principal(other), "only that session ends");
    }
}
