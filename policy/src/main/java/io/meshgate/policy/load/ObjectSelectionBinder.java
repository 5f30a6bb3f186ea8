package io.meshgate.policy.load;

import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds what a grant or restriction is on: {@code {all: true}}, {@code {domain: d}},
 * {@code {schema: d.s}}, {@code {table: d.s.t}}, {@code {objects: [{table: ...}, {schema: ...}]}}
 * or {@code {match: <tag expression>}}.
 */
final class ObjectSelectionBinder {
    private static final List<String> FORMS = List.of("all", ObjectNames.DOMAIN, ObjectNames.SCHEMA, ObjectNames.TABLE, "objects", "match");
    private static final List<String> LEVELS = List.of(ObjectNames.DOMAIN, ObjectNames.SCHEMA, ObjectNames.TABLE);

    private final TagExpressionBinder expressions;

    ObjectSelectionBinder(TagExpressionBinder expressions) {
        this.expressions = expressions;
    }

    /** The selection under {@code key} of {@code parent}; empty after reporting its problems. */
    Optional<ObjectSelection> bind(Fields parent, String key) {
        Optional<Fields> found = parent.mapping(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields on = found.get();
        Optional<String> form = on.oneOf(Rules.INVALID_SELECTION, FORMS);
        Optional<ObjectSelection> selection = form.flatMap(f -> switch (f) {
            case "all" -> all(on);
            case "objects" -> objects(on);
            case "match" -> expressions.bind(on, "match").map(ObjectSelection.Tagged::new);
            default -> ObjectNames.read(on, f).map(ref -> new ObjectSelection.Named(List.of(ref)));
        });
        on.rejectUnknownKeys();
        return selection;
    }

    private static Optional<ObjectSelection> all(Fields on) {
        Optional<Boolean> all = on.bool("all");
        if (all.isPresent() && !all.get()) {
            on.problem("all", Rules.INVALID_VALUE, "all: false selects nothing (write all: true, or name the objects)");
            return Optional.empty();
        }
        return all.map(a -> new ObjectSelection.Everything());
    }

    private static Optional<ObjectSelection> objects(Fields on) {
        List<Fields> objects = on.nonEmptyList("objects", "object, such as {table: domain.schema.table}");
        List<ObjectRef> refs = new ArrayList<>();
        boolean ok = !objects.isEmpty();
        for (Fields object : objects) {
            Optional<ObjectRef> ref = object.oneOf(Rules.INVALID_SELECTION, LEVELS).flatMap(level -> ObjectNames.read(object, level));
            object.rejectUnknownKeys();
            ref.ifPresent(refs::add);
            ok &= ref.isPresent();
        }
        return ok ? Optional.of(new ObjectSelection.Named(refs)) : Optional.empty();
    }
}
