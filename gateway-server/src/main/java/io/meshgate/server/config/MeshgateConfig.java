package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Link;
import java.util.List;

/**
 * The whole of {@code meshgate.yaml}, bound and validated. Load it with {@link ConfigLoader}.
 *
 * @param links the resource links ({@code links:}), in file order
 */
public record MeshgateConfig(ServerConfig server, PortalConfig portal, AuthConfig auth, QueryConfig query, GovernanceConfig governance,
        ContractsConfig contracts, List<DomainConfig> domains, List<Link> links) {
    public MeshgateConfig {
        requireNonNull(server, "server is null");
        requireNonNull(portal, "portal is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(query, "query is null");
        requireNonNull(governance, "governance is null");
        requireNonNull(contracts, "contracts is null");
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
        links = List.copyOf(requireNonNull(links, "links is null"));
    }

    public MeshgateConfig withServer(ServerConfig newServer) {
        return new MeshgateConfig(newServer, portal, auth, query, governance, contracts, domains, links);
    }

    public MeshgateConfig withPortal(PortalConfig newPortal) {
        return new MeshgateConfig(server, newPortal, auth, query, governance, contracts, domains, links);
    }

    public MeshgateConfig withQuery(QueryConfig newQuery) {
        return new MeshgateConfig(server, portal, auth, newQuery, governance, contracts, domains, links);
    }

    public MeshgateConfig withGovernance(GovernanceConfig newGovernance) {
        return new MeshgateConfig(server, portal, auth, query, newGovernance, contracts, domains, links);
    }

    public MeshgateConfig withContracts(ContractsConfig newContracts) {
        return new MeshgateConfig(server, portal, auth, query, governance, newContracts, domains, links);
    }

    public MeshgateConfig withLinks(List<Link> newLinks) {
        return new MeshgateConfig(server, portal, auth, query, governance, contracts, domains, newLinks);
    }
}
