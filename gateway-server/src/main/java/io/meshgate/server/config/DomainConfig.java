package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.engine.catalog.SchemaBinding;
import java.util.List;

/**
 * One domain: its Iceberg JDBC catalog, and the schemas it exposes (none listed: every namespace
 * under its own name).
 */
public record DomainConfig(String name, JdbcCatalogSpec catalog, List<SchemaBinding> schemas) {
    public DomainConfig {
        requireNonNull(name, "name is null");
        requireNonNull(catalog, "catalog is null");
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
    }
}
