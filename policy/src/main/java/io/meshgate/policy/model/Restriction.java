package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A guardrail that holds whatever the grants say: for every principal in {@code to} but not in
 * {@code except}, on the selected tables, either a row filter ({@code rows}) or a mask on the
 * selected columns.
 */
public record Restriction(
        String id,
        Kind kind,
        PrincipalMatch to,
        PrincipalMatch except,
        ObjectSelection on,
        ColumnSelection columns,
        Optional<String> rows,
        Optional<Mask> mask,
        Origin origin) {
    public enum Kind { ROW_FILTER, COLUMN_MASK }

    public Restriction {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(to, "to is null");
        requireNonNull(except, "except is null");
        requireNonNull(on, "on is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(mask, "mask is null");
        requireNonNull(origin, "origin is null");
        if (kind == Kind.ROW_FILTER && rows.isEmpty() || kind == Kind.COLUMN_MASK && mask.isEmpty()) {
            throw new IllegalArgumentException("Cannot create restriction '" + id + "': a " + kind + " needs "
                    + (kind == Kind.ROW_FILTER ? "rows" : "a mask"));
        }
    }
}
