package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.product.Products;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every domain of the mesh by name: the one namespace {@code domain.schema.table}; the resource
 * links, in domains of their own, bound when the catalog is built; and what its tables are as data
 * products. The catalog name {@value #RESERVED_CATALOG} is Meshgate's own (its system tables,
 * {@code mesh.meta.*}): no domain may take it, in any case.
 */
public final class MeshCatalog implements AutoCloseable {
    /** The catalog of Meshgate's system tables; not a domain name. */
    public static final String RESERVED_CATALOG = "mesh";

    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Links links;
    private final Products products;

    /** A mesh without links whose products are described by their table properties alone. */
    public MeshCatalog(List<Domain> domainList) {
        this(domainList, List.of(), Products.fromProperties());
    }

    /** A mesh with resource links whose products are described by their table properties alone. */
    public MeshCatalog(List<Domain> domainList, List<Link> linkList) {
        this(domainList, linkList, Products.fromProperties());
    }

    /** A mesh without links. */
    public MeshCatalog(List<Domain> domainList, Products products) {
        this(domainList, List.of(), products);
    }

    /**
     * A mesh with resource links, bound before this returns ({@link Links#rebind()}): a link that
     * cannot be bound is logged and reported by its status, never fails the catalog.
     *
     * @throws IllegalArgumentException when a domain or a link is defined twice, a link lives in a
     *                                  domain that holds data, or a domain takes the reserved name
     */
    public MeshCatalog(List<Domain> domainList, List<Link> linkList, Products products) {
        requireNonNull(domainList, "domainList is null");
        requireNonNull(linkList, "linkList is null");
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
        for (Link link : linkList) {
            if (link.name().domain().equalsIgnoreCase(RESERVED_CATALOG)) {
                throw new IllegalArgumentException("Cannot build the mesh catalog: link '" + link.name().qualifiedName()
                        + "' is in the catalog '" + RESERVED_CATALOG + "', which is reserved for Meshgate's system tables (rename the link)");
            }
        }
        this.links = new Links(linkList, this::domain);
        links.rebind();
    }

    /** The mesh's tables as data products. */
    public Products products() {
        return products;
    }

    /** The domains that hold data, in configuration order (the domains of links are {@link Links#domainNames()}). */
    public List<String> domainNames() {
        return List.copyOf(domains.keySet());
    }

    /** A domain that holds data. */
    public Optional<Domain> domain(String name) {
        return Optional.ofNullable(domains.get(name));
    }

    public Links links() {
        return links;
    }

    @Override
    public void close() {
        domains.values().forEach(d -> d.connector().close());
    }
}
