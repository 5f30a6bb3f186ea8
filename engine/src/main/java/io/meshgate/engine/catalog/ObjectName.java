package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A schema ({@code domain.schema}) or a table ({@code domain.schema.table}) of the mesh, by name. */
public record ObjectName(String domain, String schema, Optional<String> table) {
    public ObjectName {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        if (domain.isBlank() || schema.isBlank() || table.map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("Cannot name a mesh object: a part of '" + domain + "." + schema
                    + table.map(t -> "." + t).orElse("") + "' is blank");
        }
    }

    public static ObjectName schema(String domain, String schema) {
        return new ObjectName(domain, schema, Optional.empty());
    }

    public static ObjectName table(String domain, String schema, String table) {
        return new ObjectName(domain, schema, Optional.of(table));
    }

    /**
     * {@code domain.schema} or {@code domain.schema.table}; parts cannot hold dots.
     *
     * @throws IllegalArgumentException when the text has another number of parts or a blank one
     */
    public static ObjectName parse(String dotted) {
        requireNonNull(dotted, "dotted is null");
        List<String> parts = List.of(dotted.split("\\.", -1));
        if (parts.size() < 2 || parts.size() > 3 || parts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Cannot read '" + dotted + "' as a mesh name (write domain.schema or domain.schema.table)");
        }
        return parts.size() == 2 ? schema(parts.get(0), parts.get(1)) : table(parts.get(0), parts.get(1), parts.get(2));
    }

    public boolean isTable() {
        return table.isPresent();
    }

    /** The schema: this name when it names one, else the table's schema. */
    public ObjectName schemaName() {
        return schema(domain, schema);
    }

    /** The table {@code name} of this schema. */
    public ObjectName child(String name) {
        if (isTable()) {
            throw new IllegalStateException("Cannot name a table in " + this + ": it is a table, not a schema");
        }
        return table(domain, schema, name);
    }

    public String qualifiedName() {
        return domain + "." + schema + table.map(t -> "." + t).orElse("");
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
