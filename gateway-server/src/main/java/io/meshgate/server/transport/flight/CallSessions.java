package io.meshgate.server.transport.flight;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.server.auth.UserDirectory;
import org.apache.arrow.flight.FlightProducer.CallContext;

/** Turns the authenticated peer of a call into the principal the engine plans for, and the caller the audit names. */
final class CallSessions {
    private final UserDirectory users;

    CallSessions(UserDirectory users) {
        this.users = users;
    }

    Principal principal(CallContext context) {
        String peer = context.peerIdentity();
        return users.principal(peer == null ? "" : peer)
                .orElseThrow(() -> new MeshgateException(ErrorCode.AUTHENTICATION_FAILED, "Not logged in (log in with user name and password)"));
    }

    /** The principal and the client it calls from; call on the thread that handles the call. */
    Caller caller(CallContext context) {
        return new Caller(principal(context), ClientInfoInterceptor.current());
    }
}
