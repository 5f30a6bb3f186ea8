package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The tables a grant or restriction is on: every table, named objects (and what is under them), or a tag expression. */
public sealed interface ObjectSelection {
    record Everything() implements ObjectSelection {
    }

    /** Tables named directly or under a named domain or schema. */
    record Named(List<ObjectRef> objects) implements ObjectSelection {
        public Named {
            objects = List.copyOf(requireNonNull(objects, "objects is null"));
            if (objects.stream().anyMatch(o -> o.level() == ObjectRef.Level.COLUMN)) {
                throw new IllegalArgumentException("Cannot select objects: name tables, schemas or domains, not columns");
            }
        }
    }

    /** Tables whose effective tags match. */
    record Tagged(TagExpression expression) implements ObjectSelection {
        public Tagged {
            requireNonNull(expression, "expression is null");
        }
    }
}
