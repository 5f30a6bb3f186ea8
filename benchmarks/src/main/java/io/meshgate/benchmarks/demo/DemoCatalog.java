package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Where one domain of a generated demo mesh keeps its Iceberg catalog, for tools that open it without a server. */
public record DemoCatalog(String domain, String schema, JdbcCatalogSpec spec) {
    public DemoCatalog {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(spec, "spec is null");
    }

    /** The catalogs of the demo mesh generated under {@code dataDir}. */
    public static List<DemoCatalog> of(Path dataDir) {
        return Arrays.stream(DemoDomain.values())
                .map(d -> new DemoCatalog(d.domainName(), d.schema(), d.catalogSpec(dataDir)))
                .toList();
    }
}
