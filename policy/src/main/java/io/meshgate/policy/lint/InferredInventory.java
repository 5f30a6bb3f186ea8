package io.meshgate.policy.lint;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.PolicySet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables and columns a policy set names, for linting without the mesh's inventory: every table
 * named by an assignment or a selection, with the columns named for it, and {@value #ANY} standing
 * for the schemas, tables and columns nobody named (under each named domain and schema, and as one
 * table of its own), so that rules on whole tables or by tag are checked too.
 */
final class InferredInventory {
    static final String ANY = "*";

    private final Map<List<String>, Set<String>> tables = new LinkedHashMap<>();

    private InferredInventory() {
    }

    static List<MeshInventory.Table> of(PolicySet set, Coverage coverage) {
        InferredInventory inventory = new InferredInventory();
        inventory.add(ANY, ANY, ANY);
        for (Assignment assignment : set.assignments()) {
            inventory.add(assignment.on());
        }
        List<PolicyRule> rules = PolicyRule.all(set);
        for (PolicyRule rule : rules) {
            if (rule.on() instanceof ObjectSelection.Named named) {
                named.objects().forEach(inventory::add);
            }
        }
        List<MeshInventory.Table> known = inventory.build();
        for (PolicyRule rule : rules) {
            for (MeshInventory.Table table : known) {
                if (coverage.selects(rule.on(), table)) {
                    inventory.columns(table).addAll(names(rule.written()));
                }
            }
        }
        return inventory.build();
    }

    private void add(ObjectRef ref) {
        add(ref.domain(), ANY, ANY);
        ref.schema().ifPresent(schema -> add(ref.domain(), schema, ANY));
        ref.table().ifPresent(table -> add(ref.domain(), ref.schema().orElseThrow(), table));
        ref.column().ifPresent(column -> tables.get(List.of(ref.domain(), ref.schema().orElseThrow(), ref.table().orElseThrow()))
                .add(Coverage.topLevel(column)));
    }

    private void add(String domain, String schema, String table) {
        tables.computeIfAbsent(List.of(domain, schema, table), key -> new LinkedHashSet<>(List.of(ANY)));
    }

    private Set<String> columns(MeshInventory.Table table) {
        return tables.get(List.of(table.domain(), table.schema(), table.name()));
    }

    private List<MeshInventory.Table> build() {
        List<MeshInventory.Table> result = new ArrayList<>();
        tables.forEach((key, columns) -> result.add(new MeshInventory.Table(key.get(0), key.get(1), key.get(2), List.copyOf(columns))));
        return result;
    }

    private static Set<String> names(List<ColumnSelection> selections) {
        Set<String> names = new LinkedHashSet<>();
        for (ColumnSelection selection : selections) {
            if (selection instanceof ColumnSelection.Include include) {
                include.names().forEach(name -> names.add(Coverage.topLevel(name)));
            } else if (selection instanceof ColumnSelection.Exclude exclude) {
                exclude.names().forEach(name -> names.add(Coverage.topLevel(name)));
            }
        }
        return names;
    }
}
