package io.meshgate.server.transport.flight;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queries being streamed right now, each under the handle of its statement, with its owner
 * and its time limit. Stopping one (a cancel by its owner, its time limit, its client going away)
 * records why, asks its batches to stop and wakes its streaming thread; that thread then fails the
 * call with the reason and closes everything the query holds.
 */
final class RunningQueries implements AutoCloseable {
    private final Set<RunningQuery> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meshgate-query-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Registers a query that starts streaming now and stops it with QUERY_TIMEOUT once
     * {@code limit} has passed; {@link #finish} it when it ends, however it ends.
     *
     * @param wake wakes the streaming thread when it waits for the client
     */
    RunningQuery start(ByteString handle, Principal owner, TimeLimit limit, Runnable wake) {
        RunningQuery query = new RunningQuery(handle, owner, wake);
        running.add(query);
        query.timeout = timer.schedule(() -> query.stop(limit.exceeded()), limit.duration().toNanos(), TimeUnit.NANOSECONDS);
        return query;
    }

    void finish(RunningQuery query) {
        running.remove(query);
        ScheduledFuture<?> timeout = query.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    /**
     * Stops every running query of {@code handle} that {@code caller} started, with QUERY_CANCELLED.
     *
     * @return whether there was one to stop
     */
    boolean cancel(Principal caller, ByteString handle) {
        boolean found = false;
        for (RunningQuery query : running) {
            if (query.handle.equals(handle) && query.owner.name().equals(caller.name())) {
                query.stop(new MeshgateException(ErrorCode.QUERY_CANCELLED, "Query cancelled by its user"));
                found = true;
            }
        }
        return found;
    }

    /** How many queries are streaming right now. */
    int count() {
        return running.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One execution of a statement, from its first batch to its last. */
    static final class RunningQuery {
        private final ByteString handle;
        private final Principal owner;
        private final Runnable wake;
        private final AtomicReference<MeshgateException> stopped = new AtomicReference<>();
        private volatile BatchStream batches;
        private volatile ScheduledFuture<?> timeout;

        private RunningQuery(ByteString handle, Principal owner, Runnable wake) {
            this.handle = requireNonNull(handle, "handle is null");
            this.owner = requireNonNull(owner, "owner is null");
            this.wake = requireNonNull(wake, "wake is null");
        }

        /** The query's batches, once it runs: a stop from now on reaches them. */
        void running(BatchStream stream) {
            batches = stream;
            if (stopped.get() != null) {
                stream.cancel();
            }
        }

        /** Stops the query for {@code reason}, unless it was stopped before (the first reason stays). */
        void stop(MeshgateException reason) {
            if (stopped.compareAndSet(null, reason)) {
                BatchStream stream = batches;
                if (stream != null) {
                    stream.cancel();
                }
                wake.run();
            }
        }

        /** Why the query was stopped; empty while it may go on. */
        Optional<MeshgateException> stopReason() {
            return Optional.ofNullable(stopped.get());
        }

        /** Fails with the stop reason once the query was stopped. */
        void checkNotStopped() {
            MeshgateException reason = stopped.get();
            if (reason != null) {
                throw reason;
            }
        }
    }

    /**
     * How long a query may stream, and which limit that is: the server's {@code query.timeout} or
     * the deadline the client set on its call, whichever ends first.
     */
    record TimeLimit(Duration duration, String source) {
        TimeLimit {
            requireNonNull(duration, "duration is null");
            requireNonNull(source, "source is null");
        }

        static TimeLimit of(Duration serverTimeout, Optional<Duration> callDeadline) {
            if (callDeadline.isPresent() && callDeadline.get().compareTo(serverTimeout) < 0) {
                return new TimeLimit(callDeadline.get(), "the deadline the client set on its call: raise the statement's timeout");
            }
            return new TimeLimit(serverTimeout, "the server's query.timeout: raise it in meshgate.yaml");
        }

        MeshgateException exceeded() {
            return new MeshgateException(ErrorCode.QUERY_TIMEOUT, "Query exceeded its " + describe(duration) + " time limit (" + source + ")");
        }

        /** {@code 30 min}, {@code 5 s}, {@code 1.5 s}. */
        static String describe(Duration duration) {
            if (duration.toSeconds() >= 120 && duration.toSecondsPart() == 0) {
                return duration.toMinutes() + " min";
            }
            if (duration.toMillisPart() == 0 || duration.toSeconds() >= 10) {
                return duration.toSeconds() + " s";
            }
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
    }
}
