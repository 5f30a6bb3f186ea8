package io.meshgate.server.transport.flight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.google.protobuf.ByteString;
import io.meshgate.engine.BoundParameters;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Queries prepared for a client and not yet closed, by random handle, with the parameter rows last
 * bound to each. A handle is only valid for the principal who prepared it; one left unused for
 * {@code idleTimeout} is closed.
 */
final class OpenQueries implements AutoCloseable {
    private final Cache<ByteString, OpenQuery> queries;

    OpenQueries(Duration idleTimeout) {
        this.queries = Caffeine.newBuilder()
                .expireAfterAccess(idleTimeout)
                .executor(Runnable::run)
                .removalListener((ByteString handle, OpenQuery open, RemovalCause cause) -> {
                    if (open != null) {
                        open.statement().query().close();
                    }
                })
                .build();
    }

    ByteString register(Principal owner, PlannedStatement statement) {
        UUID uuid = UUID.randomUUID();
        ByteString handle = ByteString.copyFrom(ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
        queries.put(handle, new OpenQuery(owner, statement, new AtomicReference<>(List.of())));
        return handle;
    }

    PlannedStatement get(Principal caller, ByteString handle) {
        return open(caller, handle).statement();
    }

    /** Replaces the parameter rows bound to the statement; later executions run with them. */
    void bind(Principal caller, ByteString handle, List<BoundParameters> rows) {
        open(caller, handle).parameters().set(List.copyOf(rows));
    }

    /** The statement with the parameter rows last bound to it (none before the first binding). */
    PlannedStatement bound(Principal caller, ByteString handle) {
        OpenQuery open = open(caller, handle);
        PlannedStatement statement = open.statement();
        return new PlannedStatement(statement.sql(), new BoundStatementQuery(statement.query(), open.parameters().get()), statement.planning());
    }

    private OpenQuery open(Principal caller, ByteString handle) {
        OpenQuery open = queries.getIfPresent(handle);
        if (open == null || !open.owner().name().equals(caller.name())) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST, "Unknown or expired statement handle (prepare the statement again)");
        }
        return open;
    }

    /** Removes the query and closes it. */
    void close(Principal caller, ByteString handle) {
        get(caller, handle);
        queries.invalidate(handle);
    }

    /** Removes and closes the query if {@code caller} owns it; false when there is no such query. */
    boolean remove(Principal caller, ByteString handle) {
        OpenQuery open = queries.getIfPresent(handle);
        if (open == null || !open.owner().name().equals(caller.name())) {
            return false;
        }
        queries.invalidate(handle);
        return true;
    }

    @Override
    public void close() {
        queries.invalidateAll();
        queries.cleanUp();
    }

    private record OpenQuery(Principal owner, PlannedStatement statement, AtomicReference<List<BoundParameters>> parameters) {
    }
}
