package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.Permission;
import java.util.List;
import java.util.Set;

/**
 * What the owner of a resource link gets on one table reached through it: the grantor's side of
 * every consumer re-grant on that table (POLICY.md section 4). The engine describes these from the
 * catalog and the policy set being loaded; {@link GrantorCheck} holds the re-grants to them.
 *
 * @param table          the table as the link names it ({@code analytics.sales.orders})
 * @param target         the table it reaches, for messages ({@code commerce.sales.orders})
 * @param columns        every column of the target, in table order
 * @param permissions    what the owner may do with it: DESCRIBE when it sees it, SELECT when it may
 *                       query it, METADATA_READ when it reads it whole with that permission
 * @param visibleColumns the names of the columns the owner sees (none without SELECT)
 * @param ownerView      checks SQL against the columns the owner sees, as they show them to it: a
 *                       re-grant's row predicate and CUSTOM masks are evaluated there
 */
public record LinkGrantor(ObjectRef table, String target, List<ColumnDescriptor> columns, Set<Permission> permissions,
        Set<String> visibleColumns, ExpressionBinder ownerView) {
    public LinkGrantor {
        requireNonNull(table, "table is null");
        if (table.level() != ObjectRef.Level.TABLE) {
            throw new IllegalArgumentException("Cannot describe a link's grantor on '" + table + "': name a table (domain.schema.table)");
        }
        requireNonNull(target, "target is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        permissions = Set.copyOf(requireNonNull(permissions, "permissions is null"));
        visibleColumns = Set.copyOf(requireNonNull(visibleColumns, "visibleColumns is null"));
        requireNonNull(ownerView, "ownerView is null");
    }
}
