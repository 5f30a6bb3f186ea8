package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.product.Products;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every domain of the mesh by name: the one namespace {@code domain.schema.table}, and what its
 * tables are as data products. The catalog name {@value #RESERVED_CATALOG} is Meshgate's own (its
 * system tables, {@code mesh.meta.*}): no domain may take it, in any case.
 */
public final class MeshCatalog implements AutoCloseable {
    /** The catalog of Meshgate's system tables; not a domain name. */
    public static final String RESERVED_CATALOG = "mesh";

    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Products products;

    /** A mesh whose products are described by their table properties alone. */
    public MeshCatalog(List<Domain> domainList) {
        this(domainList, Products.fromProperties());
    }

    public MeshCatalog(List<Domain> domainList, Products products) {
        requireNonNull(domainList, "domainList is null");
        this.products = requireNonNull(products, "products is null");
        for (Domain domain : domainList) {
            if (domain.name().equalsIgnoreCase(RESERVED_CATALOG)) {
                throw new IllegalArgumentException("Cannot build the mesh catalog: the domain name '" + domain.name()
                        + "' is reserved for Meshgate's system tables (rename the domain)");
            }
            if (domains.putIfAbsent(domain.name(), domain) != null) {
                throw new IllegalArgumentException("Cannot build the mesh catalog: domain '" + domain.name() + "' is defined twice");
            }
        }
    }

    /** The mesh's tables as data products. */
    public Products products() {
        return products;
    }

    public List<String> domainNames() {
        return List.copyOf(domains.keySet());
    }

    public Optional<Domain> domain(String name) {
        return Optional.ofNullable(domains.get(name));
    }

    @Override
    public void close() {
        domains.values().forEach(d -> d.connector().close());
    }
}
