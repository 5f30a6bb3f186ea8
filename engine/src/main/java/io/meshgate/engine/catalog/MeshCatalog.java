package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every domain of the mesh by name: the one namespace {@code domain.schema.table}. */
public final class MeshCatalog implements AutoCloseable {
    private final Map<String, Domain> domains = new LinkedHashMap<>();

    public MeshCatalog(List<Domain> domainList) {
        requireNonNull(domainList, "domainList is null");
        for (Domain domain : domainList) {
            if (domains.putIfAbsent(domain.name(), domain) != null) {
                throw new IllegalArgumentException("Cannot build the mesh catalog: domain '" + domain.name() + "' is defined twice");
            }
        }
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
