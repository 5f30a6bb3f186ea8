package io.meshgate.engine.planner.policy;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Decides whether a predicate is leak-proof (B1): it can neither fail nor reveal anything but its
 * truth value. Allowed: comparisons, IS [NOT] NULL and its kin, AND/OR/NOT, and IN/BETWEEN of
 * literals (SEARCH), over column references, literals and parameters ({@code ?}: a value fixed for
 * the execution, which the barrier treats exactly as a literal in its place). Everything else (casts of columns,
 * arithmetic, functions, LIKE, regex) is not.
 */
final class LeakProof {
    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM,
            SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.SEARCH);
    private static final Set<SqlKind> TESTS = EnumSet.of(SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE,
            SqlKind.IS_FALSE, SqlKind.IS_NOT_FALSE);
    private static final Set<SqlKind> CONNECTIVES = EnumSet.of(SqlKind.AND, SqlKind.OR, SqlKind.NOT);

    private LeakProof() {
    }

    static boolean test(RexNode predicate) {
        if (predicate instanceof RexLiteral) {
            return true;
        }
        if (!(predicate instanceof RexCall call)) {
            return false;
        }
        SqlKind kind = call.getKind();
        if (CONNECTIVES.contains(kind)) {
            return call.getOperands().stream().allMatch(LeakProof::test);
        }
        if (COMPARISONS.contains(kind) || TESTS.contains(kind)) {
            return call.getOperands().stream().allMatch(LeakProof::isOperand);
        }
        return false;
    }

    /** A column, a literal, a parameter, or a cast of a literal (folded before it runs). */
    private static boolean isOperand(RexNode node) {
        if (node instanceof RexInputRef || node instanceof RexLiteral || node instanceof RexDynamicParam) {
            return true;
        }
        return node instanceof RexCall call && call.getKind() == SqlKind.CAST && call.getOperands().get(0) instanceof RexLiteral;
    }
}
