package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The effective tags of one table and of each of its top-level columns as the policy in force
 * assigns them (POLICY.md section 1: inherited from the domain and schema, overridden per key),
 * for showing to someone who may see the table (system tables, the portal); access is decided by
 * {@link AccessPolicy#decide}, never from these. A key holds one value, or two when assignments
 * on one object disagree (see {@link EffectiveTags}).
 *
 * @param table   the table's tags: values by key
 * @param columns each column's tags by column name; a column without tags may be absent
 */
public record TagValues(Map<String, Set<String>> table, Map<String, Map<String, Set<String>>> columns) {
    /** No tags at all: what a policy without tags, or no policy, gives. */
    public static final TagValues NONE = new TagValues(Map.of(), Map.of());

    public TagValues {
        table = copy(requireNonNull(table, "table is null"));
        Map<String, Map<String, Set<String>>> copied = new LinkedHashMap<>();
        requireNonNull(columns, "columns is null").forEach((column, tags) -> copied.put(column, copy(tags)));
        columns = Map.copyOf(copied);
    }

    /** The tags of column {@code name}; empty when it has none or is no column of the table. */
    public Map<String, Set<String>> column(String name) {
        return columns.getOrDefault(name, Map.of());
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> tags) {
        Map<String, Set<String>> copied = new LinkedHashMap<>();
        tags.forEach((key, values) -> copied.put(key, Set.copyOf(values)));
        return Map.copyOf(copied);
    }
}
