package io.meshgate.engine.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.planner.policy.PolicyBinder;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.OpenAccessPolicy;
import io.meshgate.policy.eval.TagValues;
import io.meshgate.spi.TableMetadata;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The policy in force as the engine uses it: access decisions for the mesh's tables, and the key
 * of HASH masks. {@code binders} makes, for one table, the binder that checks policy SQL against
 * its raw columns (the planner's, which owns SQL).
 */
public final class Governance {
    private final AccessPolicy policy;
    private final HashKey hashKey;

    public Governance(AccessPolicy policy, HashKey hashKey) {
        this.policy = requireNonNull(policy, "policy is null");
        this.hashKey = requireNonNull(hashKey, "hashKey is null");
    }

    /** No policy configured: everyone sees everything (the server warns about it). */
    public static Governance open() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new Governance(OpenAccessPolicy.allowAll(), HashKey.of(HexFormat.of().formatHex(random)));
    }

    public AccessPolicy policy() {
        return policy;
    }

    public HashKey hashKey() {
        return hashKey;
    }

    /** The effective tags of the table {@code domain.schema.name} described by {@code metadata}, and of its columns. */
    public TagValues tags(String domain, String schema, String name, TableMetadata metadata) {
        return policy.tags(TableDescriptors.of(domain, schema, name, metadata));
    }

    /** The principal's access to the table {@code domain.schema.name} described by {@code metadata}. */
    public AccessDecision decide(Principal principal, String domain, String schema, String name, TableMetadata metadata) {
        return policy.decide(principal, TableDescriptors.of(domain, schema, name, metadata), new PolicyBinder(metadata, () -> policy.resolve(principal)));
    }
}
