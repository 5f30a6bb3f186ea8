package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

/** A mask a grant puts on some of its columns. */
public record ColumnMask(ColumnSelection columns, Mask mask) {
    public ColumnMask {
        requireNonNull(columns, "columns is null");
        requireNonNull(mask, "mask is null");
    }
}
