package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.IcebergCatalogSpec;
import io.meshgate.engine.catalog.SchemaBinding;
import java.util.List;

/**
 * One domain: its Iceberg catalog (JDBC, REST or Glue), and the schemas it exposes (none listed:
 * every namespace under its own name).
 */
public record DomainConfig(String name, IcebergCatalogSpec catalog, List<SchemaBinding> schemas) {
    public DomainConfig {
        requireNonNull(name, "name is null");
        requireNonNull(catalog, "catalog is null");
        schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
    }
}
