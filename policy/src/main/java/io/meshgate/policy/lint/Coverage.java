package io.meshgate.policy.lint;

import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.PolicySet;

/** Which tables an object selection selects and which of their columns a column selection covers, by name and effective tags. */
final class Coverage {
    private final EffectiveTags tags;
    private final TagMatcher matcher;

    Coverage(PolicySet set) {
        this.tags = new EffectiveTags(set.assignments());
        this.matcher = new TagMatcher(set.tags());
    }

    boolean selects(ObjectSelection on, MeshInventory.Table table) {
        if (on instanceof ObjectSelection.Named named) {
            return named.objects().stream().anyMatch(ref -> contains(ref, table));
        }
        if (on instanceof ObjectSelection.Tagged tagged) {
            return matcher.matches(tagged.expression(), tags.table(table));
        }
        return true;
    }

    /** True when {@code columns}, of a rule on {@code on}, covers {@code column} of {@code table} (a table {@code on} selects). */
    boolean covers(ObjectSelection on, ColumnSelection columns, MeshInventory.Table table, String column) {
        if (columns instanceof ColumnSelection.Include include) {
            return include.names().stream().anyMatch(name -> topLevel(name).equals(column));
        }
        if (columns instanceof ColumnSelection.Exclude exclude) {
            return !exclude.names().contains(column);
        }
        if (columns instanceof ColumnSelection.Tagged tagged) {
            return matcher.matches(tagged.expression(), tags.column(table, column));
        }
        if (columns instanceof ColumnSelection.Same && on instanceof ObjectSelection.Tagged tagged) {
            return matcher.matches(tagged.expression(), tags.column(table, column));
        }
        return true;
    }

    /** The top-level column of a column or nested field name ({@code address} of {@code address.city}). */
    static String topLevel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    static boolean contains(ObjectRef ref, MeshInventory.Table table) {
        return ref.domain().equals(table.domain())
                && ref.schema().map(table.schema()::equals).orElse(true)
                && ref.table().map(table.name()::equals).orElse(true);
    }
}
