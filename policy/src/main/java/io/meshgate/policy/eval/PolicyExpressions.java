package io.meshgate.policy.eval;

import io.meshgate.policy.model.PrincipalReferences;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a policy's SQL before it is used (R8): every {@code :principal.<attribute>} it references
 * must be declared (a declared attribute without a value is NULL, not an error), and the engine's
 * binder must accept it against the table's raw columns.
 */
final class PolicyExpressions {
    private PolicyExpressions() {
    }

    static Optional<String> rowPredicateProblem(String predicate, Set<String> declaredAttributes, ExpressionBinder binder) {
        return undeclaredAttribute(predicate, declaredAttributes).or(() -> binder.rowPredicateProblem(predicate));
    }

    static Optional<String> customMaskProblem(String expression, ColumnDescriptor column, Set<String> declaredAttributes, ExpressionBinder binder) {
        return undeclaredAttribute(expression, declaredAttributes).or(() -> binder.customMaskProblem(expression, column));
    }

    private static Optional<String> undeclaredAttribute(String sql, Set<String> declaredAttributes) {
        return PrincipalReferences.attributes(sql).stream()
                .filter(name -> !declaredAttributes.contains(name))
                .findFirst()
                .map(name -> "principal attribute '" + name + "' is not declared");
    }
}
