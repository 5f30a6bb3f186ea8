package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which rows are visible (R4): those where at least one of {@code anyOf} (grant predicates) is
 * TRUE and every one of {@code allOf} (restriction predicates) is TRUE. An empty {@code anyOf}
 * means no grant predicate limits the rows.
 */
public record RowRule(List<String> anyOf, List<String> allOf) {
    public RowRule {
        anyOf = List.copyOf(requireNonNull(anyOf, "anyOf is null"));
        allOf = List.copyOf(requireNonNull(allOf, "allOf is null"));
    }

    public boolean isUnrestricted() {
        return anyOf.isEmpty() && allOf.isEmpty();
    }
}
