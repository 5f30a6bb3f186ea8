package io.meshgate.policy.load;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.TagKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the {@code assignments} lists of all files: {@code {on: {domain|schema|table|column: name},
 * tags: {key: value}}}. Keys and values must be declared, and an object gets at most one value per
 * key across all assignments.
 */
final class AssignmentBinder {
    private static final List<String> LEVELS = List.of(ObjectNames.DOMAIN, ObjectNames.SCHEMA, ObjectNames.TABLE, ObjectNames.COLUMN);

    private final Declared declared;
    private final Map<ObjectRef, Map<String, Origin>> assigned = new HashMap<>();
    private final List<Assignment> assignments = new ArrayList<>();

    AssignmentBinder(Declared declared) {
        this.declared = declared;
    }

    void bind(Fields root) {
        for (Fields item : root.list("assignments")) {
            assignment(item);
        }
    }

    List<Assignment> assignments() {
        return assignments;
    }

    private void assignment(Fields assignment) {
        Optional<ObjectRef> on = assignment.require("on", "{domain: d}, {schema: d.s}, {table: d.s.t} or {column: d.s.t.c}")
                ? assignment.mapping("on").flatMap(AssignmentBinder::object) : Optional.empty();
        Optional<Fields> tagFields = assignment.require("tags", "{key: value, ...}") ? assignment.mapping("tags") : Optional.empty();
        Map<String, String> tags = tagFields.map(this::tags).orElse(Map.of());
        assignment.rejectUnknownKeys();
        if (on.isEmpty() || tagFields.isEmpty()) {
            return;
        }
        Map<String, Origin> seen = assigned.computeIfAbsent(on.get(), ref -> new HashMap<>());
        boolean ok = !tags.isEmpty() && tags.size() == tagFields.get().keys().size();
        for (String key : tags.keySet()) {
            Origin origin = new Origin(assignment.file(), tagFields.get().line(key));
            Origin first = seen.putIfAbsent(key, origin);
            if (first != null) {
                tagFields.get().problem(key, Rules.DUPLICATE_ASSIGNMENT, on.get() + " already has tag '" + key + "' from " + first
                        + " (an object holds one value per key)");
                ok = false;
            }
        }
        if (ok) {
            assignments.add(new Assignment(on.get(), tags, assignment.origin()));
        }
    }

    private static Optional<ObjectRef> object(Fields on) {
        Optional<ObjectRef> ref = on.oneOf(Rules.INVALID_SELECTION, LEVELS).flatMap(level -> ObjectNames.read(on, level));
        on.rejectUnknownKeys();
        return ref;
    }

    /** The valid tags written in {@code fields}, after reporting the others. */
    private Map<String, String> tags(Fields fields) {
        if (fields.keys().isEmpty()) {
            fields.problemHere(Rules.INVALID_VALUE, "must set at least one tag");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String key : fields.keys()) {
            Optional<String> value = fields.string(key);
            Optional<TagKey> tag = declared.tag(fields, key, key);
            if (value.isPresent() && tag.isPresent() && Declared.allows(fields, key, tag.get(), value.get())) {
                tags.put(key, value.get());
            }
        }
        return tags;
    }
}
