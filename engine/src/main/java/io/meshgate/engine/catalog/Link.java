package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A resource link (POLICY.md section 4, as in Glue and Lake Formation): a name in a consumer
 * domain that stands for another domain's schema or table.
 *
 * @param name   a schema ({@code analytics.sales}: a schema link, whose tables are the target
 *               schema's) or a table ({@code analytics.crm.customer}: a table link), in a domain
 *               that holds links only
 * @param target a schema for a schema link, a table for a table link; it may be a link itself, or
 *               lie under one
 * @param owner  the grantor of every grant on the link
 */
public record Link(ObjectName name, ObjectName target, LinkOwner owner) {
    public Link {
        requireNonNull(name, "name is null");
        requireNonNull(target, "target is null");
        requireNonNull(owner, "owner is null");
        if (name.isTable() != target.isTable()) {
            throw new IllegalArgumentException("Cannot create link " + name + ": a schema link targets a schema and a table link a table, got "
                    + target + " (write domain.schema for both, or domain.schema.table for both)");
        }
        if (name.equals(target)) {
            throw new IllegalArgumentException("Cannot create link " + name + ": it targets itself");
        }
    }

    public boolean isSchemaLink() {
        return !name.isTable();
    }
}
