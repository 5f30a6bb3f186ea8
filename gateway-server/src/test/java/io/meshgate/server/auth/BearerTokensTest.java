package io.meshgate.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
    private final AtomicLong now = new AtomicLong();
    private final Ticker ticker = now::get;
    /** Logs in anyone who sends basic credentials, as the user named in them. */
    private final CallHeaderAuthenticator login = headers -> {
        String basic = headers.get("Authorization");
        String user = new String(Base64.getDecoder().decode(basic.substring("Basic ".length()))).split(":")[0];
        return () -> user;
    };
    private final BearerTokens tokens = new BearerTokens(login, Duration.ofSeconds(60), ticker);

    @Test
    void loginReturnsATokenThatLaterCallsPresent() {
        String token = login("ana");
        assertEquals("ana", tokens.authenticate(bearer(token)).getPeerIdentity());
    }

    @Test
    void tokensAreLongAndRandom() {
        String first = login("ana");
        String second = login("ana");
        assertNotEquals(first, second);
        assertTrue(Base64.getUrlDecoder().decode(first).length >= 16, "at least 128 bits: " + first.length() + " characters");
    }

    @Test
    void anExpiredTokenSaysItExpiredAndToLogInAgain() {
        String token = login("ana");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals("ana", tokens.authenticate(bearer(token)).getPeerIdentity());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> tokens.authenticate(bearer(token)));
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());
        assertEquals("[AUTHENTICATION_FAILED] SQLSTATE 28000: Bearer token expired: log in again with user name and password",
                e.status().description());
    }

    @Test
    void loggingInAgainGivesAFreshTokenAndTheOldOneLastsUntilItsOwnExpiry() {
        String old = login("ana");
        now.addAndGet(Duration.ofSeconds(40).toNanos());
        String fresh = login("ana");
        now.addAndGet(Duration.ofSeconds(19).toNanos());
        assertEquals("ana", tokens.authenticate(bearer(old)).getPeerIdentity());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThrows(FlightRuntimeException.class, () -> tokens.authenticate(bearer(old)));
        assertEquals("ana", tokens.authenticate(bearer(fresh)).getPeerIdentity());
    }

    @Test
    void anUnknownTokenIsRefused() {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> tokens.authenticate(bearer("made-up")));
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());
        assertTrue(e.status().description().contains("Unknown bearer token"), e.status().description());
    }

    private String login(String user) {
        ErrorFlightMetadata headers = new ErrorFlightMetadata();
        headers.insert("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes()));
        CallHeaderAuthenticator.AuthResult result = tokens.authenticate(headers);
        assertEquals(user, result.getPeerIdentity());
        ErrorFlightMetadata outgoing = new ErrorFlightMetadata();
        result.appendToOutgoingHeaders(outgoing);
        String authorization = outgoing.get("Authorization");
        assertTrue(authorization.startsWith("Bearer "), authorization);
        return authorization.substring("Bearer ".length());
    }

    private static CallHeaders bearer(String token) {
        ErrorFlightMetadata headers = new ErrorFlightMetadata();
        headers.insert("Authorization", "Bearer " + token);
        return headers;
    }
}
