package io.meshgate.policy.eval;

import io.meshgate.policy.Principal;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PolicyUser;
import io.meshgate.policy.model.PrincipalMatch;
import io.meshgate.policy.model.Role;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves authenticated principals against one policy set: groups are the principal's and those
 * its policy user entry adds; roles are those held by the user or one of its groups, with every
 * role they inherit, transitively; attributes are the user entry's values of declared attributes
 * (a declared attribute without a value, or with a value of another type, is NULL).
 */
final class PrincipalResolver {
    private final Map<String, PolicyUser> users = new HashMap<>();
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, AttributeType> declared;

    PrincipalResolver(PolicySet set) {
        set.users().forEach(user -> users.putIfAbsent(user.name(), user));
        set.roles().forEach(role -> roles.putIfAbsent(role.name(), role));
        declared = set.attributes();
    }

    ResolvedPrincipal resolve(Principal principal) {
        PolicyUser user = users.get(principal.name());
        Set<String> groups = new HashSet<>(principal.groups());
        Map<String, AttributeValue> attributes = new HashMap<>();
        if (user != null) {
            groups.addAll(user.groups());
            user.attributes().forEach((name, value) -> {
                if (value.type() == declared.get(name)) {
                    attributes.put(name, value);
                }
            });
        }
        return new ResolvedPrincipal(principal.name(), groups, heldRoles(principal.name(), groups), attributes, declared);
    }

    private Set<String> heldRoles(String name, Set<String> groups) {
        Deque<Role> pending = new ArrayDeque<>();
        roles.values().stream()
                .filter(role -> role.users().contains(name) || !Collections.disjoint(role.groups(), groups))
                .forEach(pending::add);
        Set<String> held = new HashSet<>();
        while (!pending.isEmpty()) {
            Role role = pending.pop();
            if (held.add(role.name())) {
                role.inherits().stream().map(roles::get).filter(Objects::nonNull).forEach(pending::add);
            }
        }
        return held;
    }

    /** True when {@code match} names the principal: everyone, its name, one of its groups or one of its roles. */
    static boolean matches(PrincipalMatch match, ResolvedPrincipal principal) {
        return match.all()
                || match.users().contains(principal.name())
                || !Collections.disjoint(match.groups(), principal.groups())
                || !Collections.disjoint(match.roles(), principal.roles());
    }
}
