package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.Link;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code meshgate.yaml}, bound and validated. Load it with {@link ConfigLoader}.
 *
 * @param links    the resource links ({@code links:}), in file order
 * @param products the folder of the product files ({@code products:}); none: products are described by their table properties alone
 */
public record MeshgateConfig(ServerConfig server, PortalConfig portal, AuthConfig auth, QueryConfig query, GovernanceConfig governance,
        ContractsConfig contracts, List<DomainConfig> domains, List<Link> links, Optional<Path> products) {
    public MeshgateConfig {
        requireNonNull(server, "server is null");
        requireNonNull(portal, "portal is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(query, "query is null");
        requireNonNull(governance, "governance is null");
        requireNonNull(contracts, "contracts is null");
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
        links = List.copyOf(requireNonNull(links, "links is null"));
        requireNonNull(products, "products is null");
    }

    public MeshgateConfig withServer(ServerConfig newServer) {
        return new MeshgateConfig(newServer, portal, auth, query, governance, contracts, domains, links, products);
    }

    public MeshgateConfig withPortal(PortalConfig newPortal) {
        return new MeshgateConfig(server, newPortal, auth, query, governance, contracts, domains, links, products);
    }

    public MeshgateConfig withQuery(QueryConfig newQuery) {
        return new MeshgateConfig(server, portal, auth, newQuery, governance, contracts, domains, links, products);
    }

    public MeshgateConfig withGovernance(GovernanceConfig newGovernance) {
        return new MeshgateConfig(server, portal, auth, query, newGovernance, contracts, domains, links, products);
    }

    public MeshgateConfig withContracts(ContractsConfig newContracts) {
        return new MeshgateConfig(server, portal, auth, query, governance, newContracts, domains, links, products);
    }

    public MeshgateConfig withLinks(List<Link> newLinks) {
        return new MeshgateConfig(server, portal, auth, query, governance, contracts, domains, newLinks, products);
    }

    public MeshgateConfig withProducts(Optional<Path> newProducts) {
        return new MeshgateConfig(server, portal, auth, query, governance, contracts, domains, links, newProducts);
    }
}
