package io.meshgate.engine.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Tags as the system tables show them: {@code key=value, key=value}, sorted by key then value; null for no tags. */
final class TagText {
    private TagText() {
    }

    static String of(Map<String, Set<String>> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(tags).forEach((key, values) -> new TreeSet<>(values).forEach(value -> pairs.add(key + "=" + value)));
        return String.join(", ", pairs);
    }
}
