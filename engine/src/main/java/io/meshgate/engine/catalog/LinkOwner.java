package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.ResolvedPrincipal;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a resource link: a user, groups, or both. The owner is the grantor of every grant on
 * the link (POLICY.md section 4): what it gets on the link's target bounds what anyone gets through
 * the link. Principals it includes see the link in listings whatever its status (DANGLING
 * included), with its target.
 *
 * <p>As a grantee the owner is one principal: the user when one is given (with the groups that
 * policy files give that user) and the groups listed here, or, without a user, a principal that
 * no user can log in as, named after the link, holding the groups.
 */
public record LinkOwner(Optional<String> user, Set<String> groups) {
    public LinkOwner {
        requireNonNull(user, "user is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        if (user.isEmpty() && groups.isEmpty()) {
            throw new IllegalArgumentException("Cannot create a link owner: name a user or at least one group");
        }
        if (user.map(String::isBlank).orElse(false) || groups.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Cannot create a link owner: a name is blank");
        }
    }

    /** The owner of {@code link} as the policy sees it when it grants. */
    public Principal principal(ObjectName link) {
        return new Principal(user.orElse("owner of link " + link.qualifiedName()), groups);
    }

    /** {@code principal} is the owning user or in an owning group. */
    public boolean includes(ResolvedPrincipal principal) {
        return user.map(principal.name()::equals).orElse(false) || !Collections.disjoint(groups, principal.groups());
    }
}
