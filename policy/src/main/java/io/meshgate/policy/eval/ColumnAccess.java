package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a visible column is shown. The cell's value is that of the first case whose {@code when} is
 * TRUE for the row; when none is, the cell is NULL (R5). {@code plain} means every visible row
 * shows the raw value unmasked (a single unconditional case with no mask, or an equivalent), so
 * user predicates on it may move below the barrier (B1).
 */
public record ColumnAccess(ColumnDescriptor column, List<CellCase> cases, boolean plain) {
    public ColumnAccess {
        requireNonNull(column, "column is null");
        cases = List.copyOf(requireNonNull(cases, "cases is null"));
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("Cannot create ColumnAccess for '" + column.name() + "': a visible column has at least one case");
        }
    }

    public boolean masked() {
        return cases.stream().anyMatch(c -> !c.mask().isNone());
    }

    /** Some visible rows may show NULL instead of the value (R5). */
    public boolean cellNulled() {
        return cases.stream().noneMatch(c -> c.when().isEmpty());
    }
}
