package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A table name that a resource link gives, as one principal's listings show it. The principal
 * sees it when it may read through it (status OK), or when it owns the link (any status).
 *
 * @param name       the name the link gives ({@code analytics.sales.orders})
 * @param schemaLink whether a schema link gives the name (one of its target schema's tables),
 *                   rather than a table link
 * @param status whether it reaches its table now
 * @param target the table it leads to: shown to the link's owner, and to principals who see that
 *               table directly (to anyone else the target is as good as missing, R2)
 * @param table  what the principal reads through it, its columns the visible ones; empty when it
 *               may not read through it (not OK, or no grant on the link)
 */
public record VisibleLink(ObjectName name, boolean schemaLink, LinkStatus status, Optional<String> target, Optional<VisibleTable> table) {
    public VisibleLink {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(target, "target is null");
        requireNonNull(table, "table is null");
        if (!name.isTable()) {
            throw new IllegalArgumentException("Cannot list link " + name + ": name a table (domain.schema.table)");
        }
    }
}
