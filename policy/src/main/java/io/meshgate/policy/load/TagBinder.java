package io.meshgate.policy.load;

import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.TagKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Binds the {@code tags} lists of all files: {@code {key, values, ordered}}, each key declared once. */
final class TagBinder {
    private final Map<String, TagKey> tags = new LinkedHashMap<>();
    private final Map<String, Origin> keys = new HashMap<>();

    void bind(Fields root) {
        for (Fields item : root.list("tags")) {
            Optional<String> key = item.requiredString("key");
            Optional<List<String>> values = item.require("values", "the tag's values, lower-case")
                    ? item.nonEmptyStrings("values") : Optional.empty();
            boolean ordered = item.bool("ordered").orElse(false);
            item.rejectUnknownKeys();
            boolean valuesOk = values.isPresent() && lowerCase(item, values.get());
            if (key.isEmpty()) {
                continue;
            }
            Origin origin = new Origin(item.file(), item.line("key"));
            Origin first = keys.putIfAbsent(key.get(), origin);
            if (first != null) {
                item.problem("key", Rules.DUPLICATE_TAG, "tag '" + key.get() + "' is already declared at " + first);
            } else if (valuesOk) {
                tags.put(key.get(), new TagKey(key.get(), values.get(), ordered, origin));
            }
        }
    }

    List<TagKey> tags() {
        return new ArrayList<>(tags.values());
    }

    Map<String, TagKey> byKey() {
        return tags;
    }

    private static boolean lowerCase(Fields item, List<String> values) {
        boolean ok = true;
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!lower.equals(value)) {
                item.problem("values", Rules.INVALID_VALUE, "tag values are lower-case: '" + value + "' (use '" + lower + "')");
                ok = false;
            }
        }
        return ok;
    }
}
