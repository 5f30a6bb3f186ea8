package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of a PostgreSQL relation as its catalog describes it. For a column of a domain type,
 * the type is the domain's base type.
 *
 * @param attnum       the column's number ({@code pg_attribute.attnum}): stable across renames, never reused
 * @param typeOid      the OID of its type
 * @param typmod       its type modifier ({@code numeric(10,2)}'s precision and scale), -1 when none
 * @param declaredType the type as PostgreSQL spells it ({@code format_type}), domain name included
 * @param deterministicCollation whether two values are equal only when their bytes are (true for
 *                     every type without a collation and for text under a deterministic collation)
 */
record PostgresColumn(int attnum, String name, long typeOid, int typmod, String declaredType, boolean notNull,
        Optional<String> comment, boolean primaryKey, boolean deterministicCollation) {
    PostgresColumn {
        requireNonNull(name, "name is null");
        requireNonNull(declaredType, "declaredType is null");
        requireNonNull(comment, "comment is null");
        if (attnum < 1) {
            throw new IllegalArgumentException("Cannot describe column " + name + ": attnum must be 1 or more, got " + attnum);
        }
    }
}
