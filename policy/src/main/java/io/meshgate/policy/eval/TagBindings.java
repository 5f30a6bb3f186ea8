package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.ObjectRef;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The objects tag assignments are bound to (POLICY.md section 1): the first time a table
 * assignment's name resolves to a table, it is bound to that table's UUID; the first time a column
 * assignment's name resolves to a column, to the table's UUID and the column's field id. From then
 * on the assignment follows that object through renames.
 *
 * <p>Bindings describe the catalog, not one policy revision: give the same instance to the
 * evaluator of every revision ({@code new PolicyEvaluator(next, previous.bindings(), clock)}) so
 * that renames survive reloads. Bindings are keyed by the assignment's name as written, so an
 * assignment a later revision writes the same way keeps its binding. Thread-safe.
 */
public final class TagBindings {
    private final ConcurrentMap<ObjectRef, String> tables = new ConcurrentHashMap<>();
    private final ConcurrentMap<ObjectRef, ColumnIdentity> columns = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record ColumnIdentity(String tableUuid, int fieldId) {
    }

    /** Binds every table and column assignment that names {@code table} or one of its columns and is not bound yet. */
    void learn(TableDescriptor table, List<Assignment> assignments) {
        for (Assignment assignment : assignments) {
            ObjectRef ref = assignment.on();
            if (ref.level() == ObjectRef.Level.TABLE && Names.namesTable(ref, table)) {
                bind(tables, ref, table.uuid());
            } else if (ref.level() == ObjectRef.Level.COLUMN) {
                table.columns().stream()
                        .filter(column -> Names.namesColumn(ref, table, column))
                        .findFirst()
                        .ifPresent(column -> bind(columns, ref, new ColumnIdentity(table.uuid(), column.fieldId())));
            }
        }
    }

    private <T> void bind(ConcurrentMap<ObjectRef, T> bindings, ObjectRef ref, T identity) {
        if (bindings.putIfAbsent(ref, identity) == null) {
            generation.incrementAndGet();
        }
    }

    boolean boundToTable(ObjectRef ref, String tableUuid) {
        return requireNonNull(tableUuid, "tableUuid is null").equals(tables.get(ref));
    }

    boolean boundToColumn(ObjectRef ref, String tableUuid, int fieldId) {
        return new ColumnIdentity(tableUuid, fieldId).equals(columns.get(ref));
    }

    /** Grows whenever a new binding is made; a decision made before may now be missing tags. */
    long generation() {
        return generation.get();
    }
}
