package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code meshgate.yaml}, bound and validated. Load it with {@link ConfigLoader}.
 *
 * @param products the folder of the product files ({@code products:}); none: products are described by their table properties alone
 */
public record MeshgateConfig(ServerConfig server, AuthConfig auth, QueryConfig query, GovernanceConfig governance, List<DomainConfig> domains,
        Optional<Path> products) {
    public MeshgateConfig {
        requireNonNull(server, "server is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(query, "query is null");
        requireNonNull(governance, "governance is null");
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
        requireNonNull(products, "products is null");
    }

    public MeshgateConfig withServer(ServerConfig newServer) {
        return new MeshgateConfig(newServer, auth, query, governance, domains, products);
    }

    public MeshgateConfig withQuery(QueryConfig newQuery) {
        return new MeshgateConfig(server, auth, newQuery, governance, domains, products);
    }

    public MeshgateConfig withGovernance(GovernanceConfig newGovernance) {
        return new MeshgateConfig(server, auth, query, newGovernance, domains, products);
    }

    public MeshgateConfig withProducts(Optional<Path> newProducts) {
        return new MeshgateConfig(server, auth, query, governance, domains, newProducts);
    }
}
