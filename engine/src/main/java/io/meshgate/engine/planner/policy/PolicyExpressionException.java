package io.meshgate.engine.planner.policy;

/** A policy expression that cannot be compiled against a table; the message never repeats the expression. */
public final class PolicyExpressionException extends RuntimeException {
    public PolicyExpressionException(String message) {
        super(message);
    }
}
