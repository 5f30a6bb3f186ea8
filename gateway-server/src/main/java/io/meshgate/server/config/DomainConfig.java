package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.SchemaBinding;
import java.util.List;

/**
 * One domain: where its tables live (an Iceberg catalog, or a database served in place), and the
 * schemas it exposes (none listed: every namespace under its own name).
 */
public record DomainConfig(String name, DomainSource source, List<SchemaBinding> schemas) {
    public DomainConfig {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
    }
}
