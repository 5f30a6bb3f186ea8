package io.meshgate.engine.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.load.ExpressionChecker.Use;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load-time checks of policy SQL, before any table is known. */
class PolicySqlCheckerTest {
    private final PolicySqlChecker checker = new PolicySqlChecker();

    @Test
    void acceptsPredicatesWithPrincipalReferencesAndFunctions() {
        assertEquals(List.of(), checker.problems("c_mktsegment = :principal.segment AND is_member('sales')", Use.ROW_PREDICATE));
        assertEquals(List.of(), checker.problems("upper(region) IN ('EU', 'US') OR amount BETWEEN 1 AND 10", Use.ROW_PREDICATE));
        assertEquals(List.of(), checker.problems("CASE WHEN amount > 0 THEN 'x' ELSE substring(notes, 1, 2) END", Use.MASK_EXPRESSION));
        assertEquals(List.of(), checker.problems("-1", Use.CONSTANT));
        assertEquals(List.of(), checker.problems("'n/a'", Use.CONSTANT));
    }

    @Test
    void refusesSyntaxErrorsSubqueriesUnknownFunctionsAndNonLiteralConstants() {
        assertTrue(checker.problems("amount >", Use.ROW_PREDICATE).get(0).startsWith("not valid SQL"));
        assertTrue(checker.problems("id IN (SELECT id FROM other)", Use.ROW_PREDICATE).get(0).contains("subqueries"));
        assertTrue(checker.problems("my_udf(amount) > 1", Use.ROW_PREDICATE).get(0).contains("unknown function my_udf"));
        assertTrue(checker.problems("amount + 1", Use.CONSTANT).get(0).contains("one SQL literal"));
    }
}
