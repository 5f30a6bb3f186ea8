package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.spi.TableMetadata;

/**
 * A table as one principal sees it: {@code metadata} has only the visible columns (R2, R3), and
 * {@code raw} is the connector's full description, used below the policy barrier only.
 */
public record VisibleTable(Domain domain, String schema, String name, TableMetadata metadata, TableMetadata raw, AccessDecision decision) {
    public VisibleTable {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(decision, "decision is null");
    }

    public String qualifiedName() {
        return domain.name() + "." + schema + "." + name;
    }
}
