package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** A parsed YAML value that remembers the line it was written on. */
sealed interface ConfigNode {
    int line();

    /** A mapping; keys in file order. */
    record Mapping(int line, Map<String, ConfigNode> entries) implements ConfigNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requireNonNull(entries, "entries is null")));
        }
    }

    record Sequence(int line, List<ConfigNode> items) implements ConfigNode {
        public Sequence {
            items = List.copyOf(requireNonNull(items, "items is null"));
        }
    }

    /** A scalar; {@code kind} tells a number or boolean written bare from a quoted string, or null. */
    record Scalar(int line, String text, Kind kind) implements ConfigNode {
        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        public Scalar {
            requireNonNull(text, "text is null");
            requireNonNull(kind, "kind is null");
        }
    }
}
