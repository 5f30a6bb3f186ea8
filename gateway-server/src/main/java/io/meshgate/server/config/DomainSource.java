package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.IcebergCatalogSpec;
import io.meshgate.connector.jdbc.PostgresSpec;

/**
 * Where a domain's tables live, as its {@code catalog:} section says: Iceberg tables found through
 * a catalog, or the tables of a database served in place. Printing one never shows a secret.
 */
public sealed interface DomainSource {
    /** Iceberg tables found through a catalog: JDBC ({@code type: jdbc}, the default), REST or Glue. */
    record IcebergSource(IcebergCatalogSpec catalog) implements DomainSource {
        public IcebergSource {
            requireNonNull(catalog, "catalog is null");
        }
    }

    /** The tables and views of a PostgreSQL database ({@code type: postgresql}), read where they are. */
    record DatabaseSource(PostgresSpec database) implements DomainSource {
        public DatabaseSource {
            requireNonNull(database, "database is null");
        }
    }
}
