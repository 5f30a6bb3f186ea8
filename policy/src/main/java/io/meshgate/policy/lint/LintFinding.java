package io.meshgate.policy.lint;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.Origin;

/**
 * Something a valid policy set probably does not mean: a mask conflict waiting to happen, a mask
 * that never applies, a grant that matches nothing.
 *
 * @param severity ERROR when the rule certainly does not work as written, WARNING when it may not
 * @param origin   the policy element the finding is about
 * @param rule     the check, in a short stable form ({@code mask-conflict}, {@code hidden-mask-column}, ...)
 */
public record LintFinding(Severity severity, Origin origin, String rule, String message) {
    public enum Severity { WARNING, ERROR }

    public LintFinding {
        requireNonNull(severity, "severity is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(message, "message is null");
    }

    /** {@code file:line: SEVERITY [rule] message}. */
    @Override
    public String toString() {
        return origin + ": " + severity + " [" + rule + "] " + message;
    }
}
