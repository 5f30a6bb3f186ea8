package io.meshgate.policy.lint;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The tables of the mesh and their top-level column names, for the checks that need to know what
 * exists (grants that match nothing, assignments naming missing objects). Tags are not part of it:
 * the linter applies the policy's assignments by name.
 */
public record MeshInventory(List<Table> tables) {
    public MeshInventory {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    /** One table: {@code domain.schema.name} and its columns in table order. */
    public record Table(String domain, String schema, String name, List<String> columns) {
        public Table {
            requireNonNull(domain, "domain is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(name, "name is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }

        public String qualifiedName() {
            return domain + "." + schema + "." + name;
        }
    }
}
