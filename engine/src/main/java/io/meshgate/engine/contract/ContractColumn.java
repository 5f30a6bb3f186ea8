package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

/**
 * A column of a schema contract, or a field of a {@code row} type: its name, its type, and whether
 * it is required (written {@code not null}; Iceberg's required fields).
 */
public record ContractColumn(String name, ColumnType type, boolean required) {
    public ContractColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Cannot create ContractColumn: name is blank");
        }
    }

    /** The column as a contract writes it: {@code bigint not null}. */
    public String typeText() {
        return type + (required ? " not null" : "");
    }
}
