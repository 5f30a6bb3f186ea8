package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

/**
 * Why a visible table cannot be queried by this principal now. The message names the table and
 * column, never a policy expression or a value.
 */
public record Denial(Reason reason, String message) {
    public enum Reason {
        /** Visible through DESCRIBE only: no SELECT grant covers it. */
        NO_SELECT,
        /** Two different masks tie at the deciding strength on a column (R6). */
        MASK_CONFLICT,
        /** A restriction on the table cannot be evaluated (R8). */
        POLICY_UNEVALUABLE
    }

    public Denial {
        requireNonNull(reason, "reason is null");
        requireNonNull(message, "message is null");
    }
}
