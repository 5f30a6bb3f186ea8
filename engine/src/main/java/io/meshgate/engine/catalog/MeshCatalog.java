package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every domain of the mesh by name: the one namespace {@code domain.schema.table}; and the
 * resource links, in domains of their own, bound when the catalog is built.
 */
public final class MeshCatalog implements AutoCloseable {
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Links links;

    /** A mesh without links. */
    public MeshCatalog(List<Domain> domainList) {
        this(domainList, List.of());
    }

    /**
     * A mesh with resource links, bound before this returns ({@link Links#rebind()}): a link that
     * cannot be bound is logged and reported by its status, never fails the catalog.
     *
     * @throws IllegalArgumentException when a domain or a link is defined twice, or a link lives in a domain that holds data
     */
    public MeshCatalog(List<Domain> domainList, List<Link> linkList) {
        requireNonNull(domainList, "domainList is null");
        requireNonNull(linkList, "linkList is null");
        for (Domain domain : domainList) {
            if (domains.putIfAbsent(domain.name(), domain) != null) {
                throw new IllegalArgumentException("Cannot build the mesh catalog: domain '" + domain.name() + "' is defined twice");
            }
        }
        this.links = new Links(linkList, this::domain);
        links.rebind();
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
