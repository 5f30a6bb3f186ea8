package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The columns of a selected table that a grant or mask covers. {@code Same} evaluates the grant's
 * tag expression per column (with a named or {@code Everything} selection it is every column).
 */
public sealed interface ColumnSelection {
    record AllColumns() implements ColumnSelection {
    }

    record Same() implements ColumnSelection {
    }

    record Include(Set<String> names) implements ColumnSelection {
        public Include {
            names = Set.copyOf(requireNonNull(names, "names is null"));
        }
    }

    record Exclude(Set<String> names) implements ColumnSelection {
        public Exclude {
            names = Set.copyOf(requireNonNull(names, "names is null"));
        }
    }

    record Tagged(TagExpression expression) implements ColumnSelection {
        public Tagged {
            requireNonNull(expression, "expression is null");
        }
    }
}
