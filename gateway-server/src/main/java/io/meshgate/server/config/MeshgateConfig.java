package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Link;
import java.util.List;

/**
 * The whole of {@code meshgate.yaml}, bound and validated. Load it with {@link ConfigLoader}.
 *
 * @param links the resource links ({@code links:}), in file order
 */
public record MeshgateConfig(ServerConfig server, AuthConfig auth, QueryConfig query, GovernanceConfig governance, List<DomainConfig> domains,
        List<Link> links) {
    public MeshgateConfig {
        requireNonNull(server, "server is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(query, "query is null");
        requireNonNull(governance, "governance is null");
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
        links = List.copyOf(requireNonNull(links, "links is null"));
    }

    /** A configuration without links. */
    public MeshgateConfig(ServerConfig server, AuthConfig auth, QueryConfig query, GovernanceConfig governance, List<DomainConfig> domains) {
        this(server, auth, query, governance, domains, List.of());
    }

    public MeshgateConfig withServer(ServerConfig newServer) {
        return new MeshgateConfig(newServer, auth, query, governance, domains, links);
    }

    public MeshgateConfig withQuery(QueryConfig newQuery) {
        return new MeshgateConfig(server, auth, newQuery, governance, domains, links);
    }

    public MeshgateConfig withGovernance(GovernanceConfig newGovernance) {
        return new MeshgateConfig(server, auth, query, newGovernance, domains, links);
    }

    public MeshgateConfig withLinks(List<Link> newLinks) {
        return new MeshgateConfig(server, auth, query, governance, domains, newLinks);
    }
}
