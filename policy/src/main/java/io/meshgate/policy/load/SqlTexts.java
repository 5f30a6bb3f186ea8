package io.meshgate.policy.load;

import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.PrincipalReferences;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks the SQL texts of policy files: every {@code :principal.<attribute>} reference names a
 * declared attribute, and the caller's {@link ExpressionChecker} accepts the text for its use.
 */
final class SqlTexts {
    private final ExpressionChecker checker;
    private final Map<String, AttributeType> attributes;

    SqlTexts(ExpressionChecker checker, Map<String, AttributeType> attributes) {
        this.checker = checker;
        this.attributes = attributes;
    }

    /** Reports what is wrong with the SQL under {@code key}; true when nothing is. */
    boolean check(Fields fields, String key, String sql, ExpressionChecker.Use use) {
        boolean ok = true;
        for (String name : PrincipalReferences.attributes(sql)) {
            if (!attributes.containsKey(name)) {
                fields.problem(key, Rules.UNDECLARED_ATTRIBUTE, ":principal." + name + " names an undeclared attribute ("
                        + (attributes.isEmpty() ? "none declared" : "declared: " + String.join(", ", new TreeSet<>(attributes.keySet())))
                        + "; declare it under principals.attributes)");
                ok = false;
            }
        }
        List<String> problems;
        try {
            problems = checker.problems(sql, use);
        } catch (RuntimeException e) {
            problems = List.of("cannot be checked: " + e.getMessage());
        }
        for (String problem : problems) {
            fields.problem(key, Rules.INVALID_SQL, problem);
            ok = false;
        }
        return ok;
    }
}
