package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits on each query ({@code query:}).
 *
 * @param timeout how long one execution may run, from the start of its result stream to its last
 *                batch ({@code query.timeout}); a client's shorter call deadline wins
 */
public record QueryConfig(Duration timeout) {
    /** Long enough for any interactive or reporting query, short enough that a forgotten one is freed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public QueryConfig {
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Cannot use query timeout " + timeout + ": must be positive");
        }
    }

    public static QueryConfig defaults() {
        return new QueryConfig(DEFAULT_TIMEOUT);
    }
}
