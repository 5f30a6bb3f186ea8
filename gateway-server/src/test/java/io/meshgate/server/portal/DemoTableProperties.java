package io.meshgate.server.portal;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.engine.catalog.SchemaBinding;
import io.meshgate.server.config.DomainConfig;
import io.meshgate.server.config.DomainSource;
import io.meshgate.server.config.MeshgateConfig;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** Sets Iceberg table properties of a served demo table, as a domain team publishing product metadata would. */
final class DemoTableProperties {
    private DemoTableProperties() {
    }

    static void set(MeshgateConfig config, String domain, String schema, String table, Map<String, String> properties) throws Exception {
        DomainConfig domainConfig = config.domains().stream().filter(d -> d.name().equals(domain)).findFirst().orElseThrow();
        String namespace = domainConfig.schemas().stream().filter(s -> s.name().equals(schema)).map(SchemaBinding::namespace)
                .findFirst().orElse(schema);
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc((JdbcCatalogSpec) ((DomainSource.IcebergSource) domainConfig.source()).catalog())) {
            Table iceberg = catalog.loadTable(TableIdentifier.of(Namespace.of(namespace), table));
            UpdateProperties update = iceberg.updateProperties();
            properties.forEach(update::set);
            update.commit();
        }
    }
}
