package io.meshgate.yaml;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers the line it was written on (for a mapping's value, the line
 * of its key), so that binders can say where a problem is.
 */
public sealed interface YamlNode {
    int line();

    /** A mapping; keys in file order. */
    record Mapping(int line, Map<String, YamlNode> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries is null")));
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(requireNonNull(items, "items is null"));
        }
    }

    /** A scalar; {@code kind} tells a number or boolean written bare from a quoted string, or null. */
    record Scalar(int line, String text, Kind kind) implements YamlNode {
        public enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        public Scalar {
            requireNonNull(text, "text is null");
            requireNonNull(kind, "kind is null");
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }
    }
}
