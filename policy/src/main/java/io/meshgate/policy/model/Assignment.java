package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** Tags set on one object; children inherit them and override them per key. */
public record Assignment(ObjectRef on, Map<String, String> tags, Origin origin) {
    public Assignment {
        requireNonNull(on, "on is null");
        tags = Map.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(origin, "origin is null");
    }
}
