package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.Mask;
import java.util.Optional;

/**
 * One way a cell can be shown: when {@code when} (a grant's row predicate; empty = every row) is
 * TRUE, the cell shows the raw value through {@code mask} (already combined with restriction
 * masks, R6).
 */
public record CellCase(Optional<String> when, Mask mask) {
    public CellCase {
        requireNonNull(when, "when is null");
        requireNonNull(mask, "mask is null");
    }
}
