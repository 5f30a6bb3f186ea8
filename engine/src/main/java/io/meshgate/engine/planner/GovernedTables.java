package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.RelationAccess;
import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.LinkPath;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.planner.policy.BarrierBuilder;
import io.meshgate.engine.product.Product;
import io.meshgate.policy.eval.AccessDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables one query may name, as its principal sees them (one answer per name for the whole
 * query), with what planning needs to put each behind its barrier; it remembers every table the
 * query read, for the audit record.
 */
final class GovernedTables {
    private final CatalogView view;
    private final BarrierBuilder barriers;
    private final Map<List<String>, Optional<VisibleTable>> resolved = new HashMap<>();
    private final Map<String, VisibleTable> read = new LinkedHashMap<>();

    GovernedTables(CatalogView view, BarrierBuilder barriers) {
        this.view = requireNonNull(view, "view is null");
        this.barriers = requireNonNull(barriers, "barriers is null");
    }

    /** The mesh as the query's principal sees it. */
    CatalogView view() {
        return view;
    }

    BarrierBuilder barriers() {
        return barriers;
    }

    /**
     * The table as this query sees it. Calcite looks a name up more than once while planning (to
     * validate, then to convert); the first answer is kept so that a policy reload or a table
     * change in between cannot give one query two different views of one table.
     */
    Optional<VisibleTable> table(String domain, String schema, String name) {
        return resolved.computeIfAbsent(List.of(domain, schema, name), key -> view.isLinkDomain(domain)
                ? view.linkedTable(domain, schema, name) : view.table(domain, schema, name));
    }

    void markRead(VisibleTable table) {
        read.putIfAbsent(table.qualifiedName(), table);
    }

    /** The products of the tables the query read, in the order it first read them. */
    List<Product> products() {
        return read.values().stream().map(VisibleTable::product).toList();
    }

    List<RelationAccess> relations() {
        List<RelationAccess> relations = new ArrayList<>();
        for (VisibleTable table : read.values()) {
            List<AccessDecision> below = table.link().map(path -> path.below().stream().map(LinkPath.Layer::decision).toList()).orElse(List.of());
            List<String> suppressed = new ArrayList<>();
            below.forEach(decision -> suppressed.addAll(suppressed(decision)));
            suppressed.addAll(suppressed(table.decision()));
            String object = table.link().map(LinkPath::target).orElseGet(table::qualifiedName);
            relations.add(new RelationAccess(object, table.raw().uuid(), table.raw().snapshotId(), table.decision(),
                    suppressed.stream().distinct().toList(), table.link().map(LinkPath::via).orElse(List.of()), below));
        }
        return relations;
    }

    /** What the barrier keeps the optimizer from doing for this table (B1, B2). */
    private static List<String> suppressed(AccessDecision decision) {
        List<String> suppressed = new ArrayList<>();
        if (!decision.rows().isUnrestricted()) {
            suppressed.add("limit-pushdown");
            suppressed.add("aggregates-from-metadata");
        }
        if (decision.columns().stream().anyMatch(c -> !c.plain())) {
            suppressed.add("pushdown-on-masked-or-nulled-columns");
        }
        return suppressed;
    }
}
