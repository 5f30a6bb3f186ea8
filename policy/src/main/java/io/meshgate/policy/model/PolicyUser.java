package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/** What the policy files say about one user: extra groups and attribute values. */
public record PolicyUser(String name, Set<String> groups, Map<String, AttributeValue> attributes, Origin origin) {
    public PolicyUser {
        requireNonNull(name, "name is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        requireNonNull(origin, "origin is null");
    }
}
