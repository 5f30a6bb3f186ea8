package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tags an object holds after inheritance: its parent's tags, overridden per key by the
 * assignments on the object itself. A key has one value, unless two assignments on the same object
 * disagree (one bound to it by identity, another naming it now): then the key holds both values,
 * and {@link TagMatcher} reads them the way that fails closed.
 */
record EffectiveTags(Map<String, Set<String>> values) {
    static final EffectiveTags NONE = new EffectiveTags(Map.of());

    EffectiveTags {
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    /** The candidate values of {@code key}; empty when the object does not hold it. */
    Set<String> valuesOf(String key) {
        return values.getOrDefault(key, Set.of());
    }

    /** These tags, with every key that one of {@code assignments} (all on one object) sets replaced by the values they set. */
    EffectiveTags overriddenBy(List<Map<String, String>> assignments) {
        if (assignments.isEmpty()) {
            return this;
        }
        Map<String, Set<String>> own = new HashMap<>();
        for (Map<String, String> tags : assignments) {
            tags.forEach((key, value) -> own.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value));
        }
        Map<String, Set<String>> merged = new HashMap<>(values);
        own.forEach((key, candidates) -> merged.put(key, Set.copyOf(candidates)));
        return new EffectiveTags(merged);
    }
}
