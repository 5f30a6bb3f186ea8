package io.meshgate.engine.planner;

import io.meshgate.engine.Session;
import org.apache.calcite.rel.RelNode;

/**
 * A rewrite of the logical plan between SQL-to-rel and optimization. The policy barrier (DESIGN.md,
 * "one query's path") is inserted by such a phase: it sees every scan the query reads, after
 * subqueries are removed and decorrelated and before any rule can move an expression, and the
 * optimizer only sees what it returns. Phases run in the order given to the engine.
 */
@FunctionalInterface
public interface PlanRewritePhase {
    /** The plan to optimize instead of {@code logicalPlan}; it must keep the row type. */
    RelNode rewrite(RelNode logicalPlan, Session session);
}
