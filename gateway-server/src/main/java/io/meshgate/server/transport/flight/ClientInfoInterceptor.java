package io.meshgate.server.transport.flight;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.meshgate.server.audit.ClientInfo;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Keeps each call's client address and user agent where the handlers can read them
 * ({@link #current()}): Flight's CallContext carries neither, gRPC's call attributes and headers do.
 */
final class ClientInfoInterceptor implements ServerInterceptor {
    private static final Context.Key<ClientInfo> CLIENT = Context.key("meshgate-client");
    private static final Metadata.Key<String> USER_AGENT = Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String address = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : ClientInfo.UNKNOWN;
        String agent = headers.get(USER_AGENT);
        ClientInfo client = new ClientInfo(agent == null || agent.isBlank() ? ClientInfo.UNKNOWN : agent, address);
        return Contexts.interceptCall(Context.current().withValue(CLIENT, client), call, headers, next);
    }

    /** The client of the call being handled on this thread; unknown outside a call. */
    static ClientInfo current() {
        ClientInfo client = CLIENT.get();
        return client == null ? ClientInfo.unknown() : client;
    }
}
