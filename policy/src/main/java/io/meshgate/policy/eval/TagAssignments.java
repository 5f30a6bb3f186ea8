package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The effective tags of one table and of its top-level columns under the policy in force, after
 * inheritance and per-key overrides (POLICY.md section 1), for showing them: each key maps to its
 * values, one unless two assignments on the same object disagree. Keys and values are sorted.
 *
 * @param table   the table's tags
 * @param columns each column's tags by column name; a column with no entry holds no tags
 */
public record TagAssignments(Map<String, Set<String>> table, Map<String, Map<String, Set<String>>> columns) {
    /** No tags on anything: the answer of a policy that declares none. */
    public static final TagAssignments NONE = new TagAssignments(Map.of(), Map.of());

    public TagAssignments {
        table = sorted(requireNonNull(table, "table is null"));
        TreeMap<String, Map<String, Set<String>>> byColumn = new TreeMap<>();
        requireNonNull(columns, "columns is null").forEach((column, tags) -> byColumn.put(column, sorted(tags)));
        columns = Collections.unmodifiableMap(byColumn);
    }

    /** The tags of column {@code name}; empty when it holds none or is not a column of the table. */
    public Map<String, Set<String>> column(String name) {
        return columns.getOrDefault(name, Map.of());
    }

    /** These tags with only the columns {@code keep} accepts (a principal's visible columns). */
    public TagAssignments onlyColumns(Predicate<String> keep) {
        Map<String, Map<String, Set<String>>> kept = new TreeMap<>();
        columns.forEach((column, tags) -> {
            if (keep.test(column)) {
                kept.put(column, tags);
            }
        });
        return new TagAssignments(table, kept);
    }

    static TagAssignments of(TableTags tags) {
        Map<String, Map<String, Set<String>>> columns = new TreeMap<>();
        tags.columns().forEach((column, effective) -> columns.put(column.name(), effective.values()));
        return new TagAssignments(tags.table().values(), columns);
    }

    private static Map<String, Set<String>> sorted(Map<String, Set<String>> tags) {
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        tags.forEach((key, values) -> copy.put(requireNonNull(key, "tag key is null"),
                Collections.unmodifiableSet(new TreeSet<>(requireNonNull(values, "tag values are null")))));
        return Collections.unmodifiableMap(copy);
    }
}
