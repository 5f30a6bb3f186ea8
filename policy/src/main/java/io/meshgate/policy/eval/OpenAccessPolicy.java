package io.meshgate.policy.eval;

import io.meshgate.policy.Principal;
import java.util.Map;
import java.util.Set;

/**
 * The access policy when no policy set is configured: everyone sees every table (and every link) whole, unmasked
 * (revision {@value #REVISION}). Principals have their authenticated groups and nothing else.
 */
public final class OpenAccessPolicy implements AccessPolicy {
    public static final String REVISION = "none";

    private static final OpenAccessPolicy INSTANCE = new OpenAccessPolicy();

    private OpenAccessPolicy() {
    }

    public static AccessPolicy allowAll() {
        return INSTANCE;
    }

    @Override
    public String revision() {
        return REVISION;
    }

    @Override
    public ResolvedPrincipal resolve(Principal principal) {
        return new ResolvedPrincipal(principal.name(), principal.groups(), Set.of(), Map.of(), Map.of());
    }

    @Override
    public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
        return AccessDecision.unrestricted(REVISION, table);
    }

    /** Every table and every link, whole: with no policy there is nothing to narrow. */
    @Override
    public AccessDecision decide(AccessScope scope, TableDescriptor table, ExpressionBinder binder) {
        return AccessDecision.unrestricted(REVISION, table);
    }
}
