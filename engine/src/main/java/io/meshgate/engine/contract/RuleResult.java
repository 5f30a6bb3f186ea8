package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

/**
 * One rule's outcome: the rule's name ({@code schema}, {@code not_null(c_phone)}, ...), its status
 * and what was observed ({@code 3 NULLs in c_phone}) or why it could not be checked. Details give
 * counts and ages, never a value of the table.
 */
public record RuleResult(String rule, RuleStatus status, String detail) {
    public RuleResult {
        requireNonNull(rule, "rule is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
    }

    static RuleResult pass(String rule, String detail) {
        return new RuleResult(rule, RuleStatus.PASS, detail);
    }

    static RuleResult fail(String rule, String detail) {
        return new RuleResult(rule, RuleStatus.FAIL, detail);
    }

    static RuleResult error(String rule, String detail) {
        return new RuleResult(rule, RuleStatus.ERROR, detail);
    }

    /** PASS when {@code holds}, else FAIL, with the same detail. */
    static RuleResult of(String rule, boolean holds, String detail) {
        return new RuleResult(rule, holds ? RuleStatus.PASS : RuleStatus.FAIL, detail);
    }
}
