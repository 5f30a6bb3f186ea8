package io.meshgate.policy.eval;

import io.meshgate.policy.Principal;

/**
 * The policy in force: resolves principals and decides their access to tables. Implementations
 * are thread-safe; a hot-reloading one answers every call from one consistent revision.
 */
public interface AccessPolicy {
    /** The revision decisions are currently made under. */
    String revision();

    ResolvedPrincipal resolve(Principal principal);

    /**
     * The principal's access to {@code table}; {@code binder} checks the policy's SQL against the
     * table's raw columns so that what cannot be bound is dropped or denied (R8).
     */
    AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder);

    /**
     * The effective tags of {@code table} and its columns under the revision in force, to show to
     * a principal who may see the table; {@link TagValues#NONE} by default (a policy without tags).
     */
    default TagValues tags(TableDescriptor table) {
        return TagValues.NONE;
    }
}
