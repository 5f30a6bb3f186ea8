package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * A governed tag key with its closed list of lower-case values; an ordered key compares its values
 * by their position in the list ({@code public < internal < confidential < restricted}).
 */
public record TagKey(String key, List<String> values, boolean ordered, Origin origin) {
    public TagKey {
        requireNonNull(key, "key is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        requireNonNull(origin, "origin is null");
    }

    public boolean allows(String value) {
        return values.contains(value);
    }

    /** The value's position for ordered comparisons; empty for an unknown value. */
    public OptionalInt rank(String value) {
        int index = values.indexOf(value);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
