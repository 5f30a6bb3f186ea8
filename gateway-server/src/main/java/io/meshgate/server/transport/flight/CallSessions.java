package io.meshgate.server.transport.flight;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.server.auth.UserDirectory;
import java.util.Optional;
import org.apache.arrow.flight.FlightProducer.CallContext;

/**
 * Turns the authenticated peer of a call into the principal the engine plans for, and the caller
 * the audit names, with the catalog and schema of its session.
 */
final class CallSessions {
    private final UserDirectory users;
    private final SessionOptions options;

    CallSessions(UserDirectory users, SessionOptions options) {
        this.users = users;
        this.options = options;
    }

    Principal principal(CallContext context) {
        String peer = context.peerIdentity();
        return users.principal(peer == null ? "" : peer)
                .orElseThrow(() -> new MeshgateException(ErrorCode.AUTHENTICATION_FAILED, "Not logged in (log in with user name and password)"));
    }

    /** The principal and the client it calls from; call on the thread that handles the call. */
    Caller caller(CallContext context) {
        Principal principal = principal(context);
        Optional<SessionOptions.State> session = options.current(context, principal);
        return new Caller(principal, ClientInfoInterceptor.current(),
                session.flatMap(SessionOptions.State::catalog), session.flatMap(SessionOptions.State::schema));
    }
}
