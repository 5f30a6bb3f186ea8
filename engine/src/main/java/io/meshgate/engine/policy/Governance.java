package io.meshgate.engine.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.spi.TableMetadata;
import java.util.function.Function;

/**
 * The policy in force as the engine uses it: access decisions for the mesh's tables, and the key
 * of HASH masks. {@code binders} makes, for one table, the binder that checks policy SQL against
 * its raw columns (the planner's, which owns SQL).
 */
public final class Governance {
    private final AccessPolicy policy;
    private final HashKey hashKey;
    private final Function<TableMetadata, ExpressionBinder> binders;

    public Governance(AccessPolicy policy, HashKey hashKey, Function<TableMetadata, ExpressionBinder> binders) {
        this.policy = requireNonNull(policy, "policy is null");
        this.hashKey = requireNonNull(hashKey, "hashKey is null");
        this.binders = requireNonNull(binders, "binders is null");
    }

    public AccessPolicy policy() {
        return policy;
    }

    public HashKey hashKey() {
        return hashKey;
    }

    /** The principal's access to the table {@code domain.schema.name} described by {@code metadata}. */
    public AccessDecision decide(Principal principal, String domain, String schema, String name, TableMetadata metadata) {
        return policy.decide(principal, TableDescriptors.of(domain, schema, name, metadata), binders.apply(metadata));
    }
}
