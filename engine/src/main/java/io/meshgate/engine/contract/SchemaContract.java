package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The columns a product promises, in contract order, and how its current schema must relate to them. */
public record SchemaContract(Compatibility compatibility, List<ContractColumn> columns) {
    public SchemaContract {
        requireNonNull(compatibility, "compatibility is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Cannot create SchemaContract: no columns (declare at least one)");
        }
        Set<String> names = new HashSet<>();
        for (ContractColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Cannot create SchemaContract: column '" + column.name() + "' is declared twice");
            }
        }
    }
}
