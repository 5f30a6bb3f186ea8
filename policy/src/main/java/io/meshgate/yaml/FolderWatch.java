package io.meshgate.yaml;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a reload of a folder of YAML files (policies, product files) every interval on one daemon
 * thread, until closed. A reload that throws is logged and tried again at the next interval.
 */
public final class FolderWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final ScheduledExecutorService executor;

    private FolderWatch(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Starts running {@code reload} every {@code interval} on a thread named {@code threadName};
     * {@code what} names the folder in messages ("the policy files in /srv/policies").
     */
    public static FolderWatch start(String what, String threadName, Duration interval, Runnable reload) {
        requireNonNull(what, "what is null");
        requireNonNull(threadName, "threadName is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(reload, "reload is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Cannot watch " + what + ": the interval must be positive, got " + interval);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                reload.run();
            } catch (RuntimeException e) {
                LOG.warn("Cannot check {}; will try again", what, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new FolderWatch(executor);
    }

    /** Stops the checks; one running is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
