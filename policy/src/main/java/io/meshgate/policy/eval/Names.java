package io.meshgate.policy.eval;

import io.meshgate.policy.model.ObjectRef;
import java.util.Collection;

/**
 * How names written in policies match catalog objects: part by part, ignoring case, as the engine
 * resolves unquoted names.
 */
final class Names {
    private Names() {
    }

    static boolean same(String policyName, String catalogName) {
        return policyName.equalsIgnoreCase(catalogName);
    }

    static boolean containsName(Collection<String> policyNames, String catalogName) {
        return policyNames.stream().anyMatch(name -> same(name, catalogName));
    }

    /** The table is {@code scope}, or lies in the domain or schema {@code scope} names. */
    static boolean within(ObjectRef scope, TableDescriptor table) {
        return same(scope.domain(), table.domain())
                && scope.schema().map(schema -> same(schema, table.schema())).orElse(true)
                && scope.table().map(name -> same(name, table.table())).orElse(true)
                && scope.column().isEmpty();
    }

    /** {@code ref} names exactly this table by its current name. */
    static boolean namesTable(ObjectRef ref, TableDescriptor table) {
        return ref.level() == ObjectRef.Level.TABLE && within(ref, table);
    }

    /** {@code ref} names exactly this top-level column of this table by their current names. */
    static boolean namesColumn(ObjectRef ref, TableDescriptor table, ColumnDescriptor column) {
        return ref.level() == ObjectRef.Level.COLUMN
                && same(ref.domain(), table.domain())
                && same(ref.schema().orElseThrow(), table.schema())
                && same(ref.table().orElseThrow(), table.table())
                && same(ref.column().orElseThrow(), column.name());
    }
}
