package io.meshgate.policy.lint;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.PrincipalMatch;

/** The mask one grant or restriction puts on one column, with whom it applies to. */
record AppliedMask(String what, Origin origin, PrincipalMatch to, PrincipalMatch except, Mask mask) {
    AppliedMask {
        requireNonNull(what, "what is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(to, "to is null");
        requireNonNull(except, "except is null");
        requireNonNull(mask, "mask is null");
    }

    boolean mayMeet(AppliedMask other) {
        return PrincipalOverlap.possible(to, except, other.to, other.except);
    }

    /** The mask as people write it: {@code SHOW_LAST_N(4)}, {@code CONSTANT('n/a')}, {@code CUSTOM(upper(c))}. */
    String maskText() {
        String arguments = mask.n().isPresent() ? String.valueOf(mask.n().getAsInt()) : mask.text().orElse("");
        return mask.function() + (arguments.isEmpty() ? "" : "(" + arguments + ")");
    }
}
