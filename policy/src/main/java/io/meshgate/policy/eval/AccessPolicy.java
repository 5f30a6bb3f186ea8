package io.meshgate.policy.eval;

import io.meshgate.policy.Principal;
import java.util.Set;

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
     * The effective tags of {@code table} and its columns, for showing them next to what a
     * principal may DESCRIBE (callers keep only its visible columns). A policy that declares no
     * tags has none.
     */
    default TagAssignments tags(TableDescriptor table) {
        return TagAssignments.NONE;
    }

    /**
     * The access of {@code scope} to {@code table}: one layer of a read through resource links
     * (POLICY.md section 4), or a direct read. This default decides a direct read with
     * {@link #decide(Principal, TableDescriptor, ExpressionBinder)} and nothing else: a policy that
     * does not know links shows nothing through them (fail closed).
     */
    default AccessDecision decide(AccessScope scope, TableDescriptor table, ExpressionBinder binder) {
        return scope.isDirect() ? decide(scope.grantee(), table, binder) : AccessDecision.invisible(revision(), table, Set.of());
    }
}
