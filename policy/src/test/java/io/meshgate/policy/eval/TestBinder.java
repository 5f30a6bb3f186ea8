package io.meshgate.policy.eval;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A binder that rejects any expression mentioning {@link #UNKNOWN_COLUMN} and counts its calls. */
final class TestBinder implements ExpressionBinder {
    static final String UNKNOWN_COLUMN = "no_such_column";

    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Optional<String> rowPredicateProblem(String predicate) {
        calls.incrementAndGet();
        return predicate.contains(UNKNOWN_COLUMN) ? Optional.of("Column '" + UNKNOWN_COLUMN + "' not found") : Optional.empty();
    }

    @Override
    public Optional<String> customMaskProblem(String expression, ColumnDescriptor column) {
        calls.incrementAndGet();
        return expression.contains(UNKNOWN_COLUMN) ? Optional.of("Column '" + UNKNOWN_COLUMN + "' not found") : Optional.empty();
    }

    int calls() {
        return calls.get();
    }
}
