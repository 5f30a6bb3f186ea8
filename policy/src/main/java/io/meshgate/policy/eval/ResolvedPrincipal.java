package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A principal as policies see it: the authenticated name, its groups (from the server's user list
 * and the policy files), its roles (inherited ones included) and its attribute values. An
 * attribute that is declared but has no value for this principal is NULL of its declared type.
 */
public record ResolvedPrincipal(String name, Set<String> groups, Set<String> roles,
        Map<String, AttributeValue> attributes, Map<String, AttributeType> declaredAttributes) {
    public ResolvedPrincipal {
        requireNonNull(name, "name is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        declaredAttributes = Map.copyOf(requireNonNull(declaredAttributes, "declaredAttributes is null"));
    }

    /** The value of a declared attribute; empty when it is declared but unset (NULL). */
    public Optional<AttributeValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean isMember(String group) {
        return groups.contains(group);
    }
}
