package io.meshgate.policy.eval;

import java.util.Optional;

/**
 * Checks that a policy's SQL (a row predicate, or a CUSTOM mask for one column) binds against one
 * table's raw columns. Supplied by the engine, which owns SQL; the policy module never parses SQL.
 */
public interface ExpressionBinder {
    /** Why {@code predicate} cannot be a row filter of the table (unknown column, not boolean...), or empty when it binds. */
    Optional<String> rowPredicateProblem(String predicate);

    /** Why {@code expression} cannot mask {@code column} (unknown column, incompatible type...), or empty when it binds. */
    Optional<String> customMaskProblem(String expression, ColumnDescriptor column);
}
