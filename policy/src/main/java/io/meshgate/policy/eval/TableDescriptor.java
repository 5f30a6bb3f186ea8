package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table as the policy sees it: its mesh name, its stable UUID, and its columns in table order.
 * {@code version} changes whenever the columns may have (a snapshot or schema id); decisions are
 * cached per version.
 */
public record TableDescriptor(String domain, String schema, String table, String uuid, String version, List<ColumnDescriptor> columns) {
    public TableDescriptor {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(version, "version is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public String qualifiedName() {
        return domain + "." + schema + "." + table;
    }
}
