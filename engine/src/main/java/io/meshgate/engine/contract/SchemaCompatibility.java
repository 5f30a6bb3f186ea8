package io.meshgate.engine.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Compares a table's current schema with its schema contract under a {@link Compatibility} mode,
 * and says each way in which it breaks the contract.
 */
final class SchemaCompatibility {
    private final Compatibility mode;
    private final List<String> violations = new ArrayList<>();

    private SchemaCompatibility(Compatibility mode) {
        this.mode = mode;
    }

    /** Every way the current schema breaks the contract, one sentence each; empty when it holds. */
    static List<String> violations(SchemaContract contract, Schema current) {
        SchemaCompatibility check = new SchemaCompatibility(contract.compatibility());
        check.columns("", contract.columns(), current.getFields().stream().map(ColumnTypes::fromArrow).toList());
        return List.copyOf(check.violations);
    }

    private void columns(String prefix, List<ContractColumn> contract, List<ContractColumn> current) {
        Map<String, ContractColumn> now = byName(current);
        Map<String, ContractColumn> promised = byName(contract);
        for (ContractColumn column : contract) {
            ContractColumn actual = now.get(column.name());
            String path = prefix + column.name();
            if (actual == null) {
                if (mode.backward()) {
                    violations.add(path + " is missing (the contract declares " + column.typeText() + ")");
                }
                continue;
            }
            if (mode.backward() && column.required() && !actual.required()) {
                violations.add(path + " is nullable now; the contract declares it not null");
            }
            if (mode.forward() && actual.required() && !column.required()) {
                violations.add(path + " is required now; the contract allows NULLs (declare it not null)");
            }
            type(path, column.type(), actual.type());
        }
        if (mode.forward()) {
            for (ContractColumn actual : current) {
                if (actual.required() && !promised.containsKey(actual.name())) {
                    violations.add(prefix + actual.name() + " is required now (" + actual.typeText() + ") and not in the contract");
                }
            }
        }
    }

    /** Checks that {@code current} is {@code promised} or a widening of it, comparing row fields by the mode. */
    private void type(String path, ColumnType promised, ColumnType current) {
        if (promised instanceof ColumnType.Row p && current instanceof ColumnType.Row c) {
            columns(path + ".", p.fields(), c.fields());
        } else if (promised instanceof ColumnType.ArrayOf p && current instanceof ColumnType.ArrayOf c) {
            type(path + "[]", p.element(), c.element());
        } else if (promised instanceof ColumnType.MapOf p && current instanceof ColumnType.MapOf c) {
            type(path + "{key}", p.key(), c.key());
            type(path + "{value}", p.value(), c.value());
        } else if (!widens(current, promised)) {
            violations.add(path + " is " + current + " now; the contract declares " + promised
                    + " (only the same type or a widening of it is compatible)");
        }
    }

    private static boolean widens(ColumnType current, ColumnType promised) {
        if (current instanceof ColumnType.Primitive c && promised instanceof ColumnType.Primitive p) {
            return c.widens(p);
        }
        if (current instanceof ColumnType.Decimal c && promised instanceof ColumnType.Decimal p) {
            return c.widens(p);
        }
        return current.equals(promised);
    }

    private static Map<String, ContractColumn> byName(List<ContractColumn> columns) {
        Map<String, ContractColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        return byName;
    }
}
