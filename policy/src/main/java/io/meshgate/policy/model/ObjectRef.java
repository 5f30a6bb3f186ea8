package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A domain, schema, table or column of the mesh by name: {@code customer},
 * {@code customer.crm}, {@code customer.crm.customer}, {@code customer.crm.customer.c_phone}
 * (a nested field continues with dots: {@code ....address.city}).
 */
public record ObjectRef(String domain, Optional<String> schema, Optional<String> table, Optional<String> column) {
    public enum Level { DOMAIN, SCHEMA, TABLE, COLUMN }

    public ObjectRef {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        if (table.isPresent() && schema.isEmpty() || column.isPresent() && table.isEmpty()) {
            throw new IllegalArgumentException("Cannot create ObjectRef: a " + (column.isPresent() ? "column needs a table" : "table needs a schema"));
        }
    }

    public static ObjectRef domain(String domain) {
        return new ObjectRef(domain, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ObjectRef schema(String domain, String schema) {
        return new ObjectRef(domain, Optional.of(schema), Optional.empty(), Optional.empty());
    }

    public static ObjectRef table(String domain, String schema, String table) {
        return new ObjectRef(domain, Optional.of(schema), Optional.of(table), Optional.empty());
    }

    public static ObjectRef column(String domain, String schema, String table, String column) {
        return new ObjectRef(domain, Optional.of(schema), Optional.of(table), Optional.of(column));
    }

    public Level level() {
        if (column.isPresent()) {
            return Level.COLUMN;
        }
        if (table.isPresent()) {
            return Level.TABLE;
        }
        return schema.isPresent() ? Level.SCHEMA : Level.DOMAIN;
    }

    /** The dotted name as written in policy files. */
    public String qualifiedName() {
        StringBuilder name = new StringBuilder(domain);
        for (Optional<String> part : List.of(schema, table, column)) {
            part.ifPresent(p -> name.append('.').append(p));
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
