package io.meshgate.policy.lint;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.ObjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of tables and columns by name: a table has its domain's, schema's and own tags, a column
 * its table's and its own, each level overriding the one above per key.
 */
final class EffectiveTags {
    private final Map<ObjectRef, Map<String, String>> assigned = new HashMap<>();

    EffectiveTags(List<Assignment> assignments) {
        for (Assignment assignment : assignments) {
            assigned.computeIfAbsent(assignment.on(), on -> new HashMap<>()).putAll(assignment.tags());
        }
    }

    Map<String, String> table(MeshInventory.Table table) {
        Map<String, String> tags = new HashMap<>();
        tags.putAll(assigned.getOrDefault(ObjectRef.domain(table.domain()), Map.of()));
        tags.putAll(assigned.getOrDefault(ObjectRef.schema(table.domain(), table.schema()), Map.of()));
        tags.putAll(assigned.getOrDefault(ObjectRef.table(table.domain(), table.schema(), table.name()), Map.of()));
        return tags;
    }

    Map<String, String> column(MeshInventory.Table table, String column) {
        Map<String, String> tags = table(table);
        tags.putAll(assigned.getOrDefault(ObjectRef.column(table.domain(), table.schema(), table.name(), column), Map.of()));
        return tags;
    }
}
