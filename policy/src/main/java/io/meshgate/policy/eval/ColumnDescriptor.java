package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

/** One top-level column of a table: its current name, its stable field id and its kind. */
public record ColumnDescriptor(String name, int fieldId, ColumnKind kind) {
    public ColumnDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
