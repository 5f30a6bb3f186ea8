package io.meshgate.spi;

import static java.util.Objects.requireNonNull;

/** A table's name inside one connector: the connector's own namespace (dot-separated levels) and table. */
public record SchemaTableName(String schema, String table) {
    public SchemaTableName {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
