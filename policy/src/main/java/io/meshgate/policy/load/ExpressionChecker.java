package io.meshgate.policy.load;

import java.util.List;

/**
 * Checks the SQL written in policy files (row predicates, CUSTOM mask expressions, CONSTANT mask
 * values) at load time. The engine implements it with its SQL parser; the policy module never
 * parses SQL. The text is passed as written: its {@code :principal.<attribute>} references name
 * declared attributes (the loader checked) and the checker substitutes them, with
 * {@link io.meshgate.policy.model.PrincipalReferences#replace}, before parsing.
 */
public interface ExpressionChecker {
    /** What the SQL text is for. */
    enum Use {
        /** A grant's {@code rows} or a ROW_FILTER restriction's {@code rows}: a boolean expression. */
        ROW_PREDICATE,
        /** A CUSTOM mask's {@code expression}: a scalar expression over the table's raw columns. */
        MASK_EXPRESSION,
        /** A CONSTANT mask's {@code value}: one SQL literal. */
        CONSTANT
    }

    /** Accepts every text: for callers without an engine, which check the SQL when a table is bound. */
    ExpressionChecker NONE = (sql, use) -> List.of();

    /** Why {@code sql} is not valid for {@code use}, one message per problem; empty when it is. */
    List<String> problems(String sql, Use use);
}
