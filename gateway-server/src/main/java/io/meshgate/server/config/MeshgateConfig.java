package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The whole of {@code meshgate.yaml}, bound and validated. Load it with {@link ConfigLoader}. */
public record MeshgateConfig(ServerConfig server, PortalConfig portal, AuthConfig auth, QueryConfig query, GovernanceConfig governance,
        ContractsConfig contracts,
        List<DomainConfig> domains) {
    public MeshgateConfig {
        requireNonNull(server, "server is null");
        requireNonNull(portal, "portal is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(query, "query is null");
        requireNonNull(governance, "governance is null");
        requireNonNull(contracts, "contracts is null");
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
    }

    public MeshgateConfig withServer(ServerConfig newServer) {
        return new MeshgateConfig(newServer, portal, auth, query, governance, contracts, domains);
    }

    public MeshgateConfig withPortal(PortalConfig newPortal) {
        return new MeshgateConfig(server, newPortal, auth, query, governance, contracts, domains);
    }

    public MeshgateConfig withQuery(QueryConfig newQuery) {
        return new MeshgateConfig(server, portal, auth, newQuery, governance, contracts, domains);
    }

    public MeshgateConfig withGovernance(GovernanceConfig newGovernance) {
        return new MeshgateConfig(server, portal, auth, query, newGovernance, contracts, domains);
    }

    public MeshgateConfig withContracts(ContractsConfig newContracts) {
        return new MeshgateConfig(server, portal, auth, query, governance, newContracts, domains);
    }
}
