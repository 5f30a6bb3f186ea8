package io.meshgate.policy.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds cycles of role inheritance by depth-first search: at least one cycle through every group of
 * roles that inherit each other, each reported once from its alphabetically first role.
 */
final class RoleCycles {
    private final Map<String, Set<String>> inherits;
    private final Set<String> done = new HashSet<>();
    private final Set<List<String>> cycles = new LinkedHashSet<>();

    private RoleCycles(Map<String, Set<String>> inherits) {
        this.inherits = new TreeMap<>(inherits);
    }

    /** Each cycle as the roles on it, first role repeated at the end ({@code [a, b, a]}). */
    static List<List<String>> find(Map<String, Set<String>> inherits) {
        RoleCycles search = new RoleCycles(inherits);
        for (String role : search.inherits.keySet()) {
            search.visit(role, new ArrayList<>());
        }
        return new ArrayList<>(search.cycles);
    }

    private void visit(String role, List<String> path) {
        int onPath = path.indexOf(role);
        if (onPath >= 0) {
            cycles.add(normalized(path.subList(onPath, path.size())));
            return;
        }
        if (done.contains(role)) {
            return;
        }
        path.add(role);
        for (String parent : inherits.getOrDefault(role, Set.of()).stream().sorted().toList()) {
            visit(parent, path);
        }
        path.remove(path.size() - 1);
        done.add(role);
    }

    private static List<String> normalized(List<String> cycle) {
        int start = cycle.indexOf(cycle.stream().min(String::compareTo).orElseThrow());
        List<String> result = new ArrayList<>(cycle.subList(start, cycle.size()));
        result.addAll(cycle.subList(0, start));
        result.add(result.get(0));
        return List.copyOf(result);
    }
}
