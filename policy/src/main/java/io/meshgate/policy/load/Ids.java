package io.meshgate.policy.load;

import io.meshgate.policy.model.Origin;
import java.util.HashMap;
import java.util.Map;

/** The ids of grants and restrictions seen so far, which are unique across both. */
final class Ids {
    private final Map<String, Origin> seen = new HashMap<>();

    /** Records the id written under {@code id} of {@code rule}, reporting it when it is already used. */
    void claim(Fields rule, String id) {
        Origin here = new Origin(rule.file(), rule.line("id"));
        Origin first = seen.putIfAbsent(id, here);
        if (first != null) {
            rule.problem("id", Rules.DUPLICATE_ID, "'" + id + "' is already used at " + first + " (ids are unique across grants and restrictions)");
        }
    }
}
