package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A condition on an object's effective tags. {@code All} ANDs, {@code Any} ORs (also across keys),
 * and a {@link Condition} tests one key: its value is one of a set, or at most / at least a value of
 * an ordered key. An object without the key fails every condition on it.
 */
public sealed interface TagExpression {
    record All(List<TagExpression> terms) implements TagExpression {
        public All {
            terms = List.copyOf(requireNonNull(terms, "terms is null"));
        }
    }

    record Any(List<TagExpression> terms) implements TagExpression {
        public Any {
            terms = List.copyOf(requireNonNull(terms, "terms is null"));
        }
    }

    record Condition(String key, Comparison comparison, Set<String> values) implements TagExpression {
        public enum Comparison { IN, AT_MOST, AT_LEAST }

        public Condition {
            requireNonNull(key, "key is null");
            requireNonNull(comparison, "comparison is null");
            values = Set.copyOf(requireNonNull(values, "values is null"));
            if (comparison != Comparison.IN && values.size() != 1) {
                throw new IllegalArgumentException("Cannot create tag condition on '" + key + "': " + comparison + " takes exactly one value");
            }
        }
    }
}
