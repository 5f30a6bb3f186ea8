package io.meshgate.server.auth;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.error.FlightErrorMapper;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Bearer tokens issued at login: a call with {@code Authorization: Bearer <token>} is the user the
 * token was issued to until {@code ttl} after that login; any other call goes to the login
 * authenticator, and a successful login gets a fresh token in the response's {@code Authorization}
 * header. Logging in again never ends an older token early. Tokens are 256 random bits and are
 * never logged. An expired token fails with a message that says so; a token the server does not
 * know (never issued, or issued by a server since restarted) fails alike as unknown.
 */
final class BearerTokens implements CallHeaderAuthenticator {
    static final String EXPIRED = "Bearer token expired: log in again with user name and password";
    static final String UNKNOWN = "Unknown bearer token (the server may have restarted): log in again with user name and password";
    private static final int TOKEN_BYTES = 32;

    private final CallHeaderAuthenticator login;
    private final Duration ttl;
    private final Ticker ticker;
    private final SecureRandom random = new SecureRandom();
    /** Token to its user and expiry; kept one more TTL past expiry, so that expiry can be told apart from a bad token. */
    private final Cache<String, Issued> tokens;

    BearerTokens(CallHeaderAuthenticator login, Duration ttl, Ticker ticker) {
        this.login = requireNonNull(login, "login is null");
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.tokens = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl.multipliedBy(2)).build();
    }

    @Override
    public AuthResult authenticate(CallHeaders headers) {
        String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
        if (bearer != null) {
            return validate(bearer);
        }
        AuthResult user = login.authenticate(headers);
        String token = newToken();
        tokens.put(token, new Issued(user.getPeerIdentity(), ticker.read() + ttl.toNanos()));
        return new AuthResult() {
            @Override
            public String getPeerIdentity() {
                return user.getPeerIdentity();
            }

            @Override
            public void appendToOutgoingHeaders(CallHeaders outgoing) {
                if (!outgoing.containsKey(Auth2Constants.AUTHORIZATION_HEADER)) {
                    outgoing.insert(Auth2Constants.AUTHORIZATION_HEADER, Auth2Constants.BEARER_PREFIX + token);
                }
            }
        };
    }

    private AuthResult validate(String token) {
        Issued issued = tokens.getIfPresent(token);
        if (issued == null) {
            throw unauthenticated(UNKNOWN);
        }
        if (ticker.read() - issued.expiresAtNanos() >= 0) {
            throw unauthenticated(EXPIRED);
        }
        return issued::user;
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RuntimeException unauthenticated(String message) {
        return FlightErrorMapper.toFlightException(new MeshgateException(ErrorCode.AUTHENTICATION_FAILED, message));
    }

    private record Issued(String user, long expiresAtNanos) {
        Issued {
            requireNonNull(user, "user is null");
        }
    }
}
