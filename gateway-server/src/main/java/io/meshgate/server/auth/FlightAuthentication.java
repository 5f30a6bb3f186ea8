package io.meshgate.server.auth;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Ticker;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.error.FlightErrorMapper;
import java.time.Duration;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Flight authentication: a client logs in with basic auth (user name and password) and gets a
 * random bearer token back in the {@code Authorization} header; later calls present the token
 * until it expires, {@code tokenTtl} after login, and then fail with UNAUTHENTICATED and "Bearer
 * token expired: log in again ..." (see {@link BearerTokens}). Logging in again gets a new token;
 * older ones keep working until their own expiry. A wrong password and an unknown user fail alike,
 * with UNAUTHENTICATED and "Invalid user name or password". The call's peer identity is the user
 * name ({@link UserDirectory#principal}).
 */
public final class FlightAuthentication {
    static final String INVALID_CREDENTIALS = "Invalid user name or password";

    private FlightAuthentication() {
    }

    public static CallHeaderAuthenticator create(UserDirectory users, Duration tokenTtl) {
        requireNonNull(users, "users is null");
        requireNonNull(tokenTtl, "tokenTtl is null");
        BasicCallHeaderAuthenticator basic = new BasicCallHeaderAuthenticator((name, password) -> users.authenticate(name, password)
                .<CallHeaderAuthenticator.AuthResult>map(principal -> principal::name)
                .orElseThrow(() -> FlightErrorMapper.toFlightException(
                        new MeshgateException(ErrorCode.AUTHENTICATION_FAILED, INVALID_CREDENTIALS))));
        return new BearerTokens(basic, tokenTtl, Ticker.systemTicker());
    }
}
