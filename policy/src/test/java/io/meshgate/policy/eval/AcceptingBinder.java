package io.meshgate.policy.eval;

import java.util.Optional;

/** A binder that accepts every policy SQL text, for tests whose decisions do not depend on binding. */
public final class AcceptingBinder implements ExpressionBinder {
    @Override
    public Optional<String> rowPredicateProblem(String predicate) {
        return Optional.empty();
    }

    @Override
    public Optional<String> customMaskProblem(String expression, ColumnDescriptor column) {
        return Optional.empty();
    }
}
