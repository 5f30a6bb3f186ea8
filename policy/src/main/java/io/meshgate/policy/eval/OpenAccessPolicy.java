package io.meshgate.policy.eval;

import io.meshgate.policy.Principal;
import java.util.Map;

/**
 * The policy when none is configured: every authenticated principal sees every table whole. The
 * server warns when it runs this way.
 */
public final class OpenAccessPolicy implements AccessPolicy {
    public static final String REVISION = "none";

    @Override
    public String revision() {
        return REVISION;
    }

    @Override
    public ResolvedPrincipal resolve(Principal principal) {
        return new ResolvedPrincipal(principal.name(), principal.groups(), java.util.Set.of(), Map.of(), Map.of());
    }

    @Override
    public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
        return AccessDecision.unrestricted(REVISION, table);
    }
}
