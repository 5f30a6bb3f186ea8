package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective tags of one table and of each of its top-level columns (POLICY.md section 1):
 * the domain's tags, overridden per key by the schema's, then the table's, then the column's.
 *
 * <p>A table assignment applies to the table its name is bound to in {@link TagBindings} (renames
 * keep tags) and, to fail closed, also to a table whose current name it is (a table dropped and
 * re-created under the same name keeps its tags); column assignments likewise by table UUID and
 * field id, or by current name. Domains and schemas have no identity here and match by name.
 * Assignments on nested fields name no top-level column and do not apply.
 */
record TableTags(EffectiveTags table, Map<ColumnDescriptor, EffectiveTags> columns) {
    TableTags {
        requireNonNull(table, "table is null");
        columns = Map.copyOf(requireNonNull(columns, "columns is null"));
    }

    static TableTags of(TableDescriptor table, List<Assignment> assignments, TagBindings bindings) {
        List<Map<String, String>> domain = new ArrayList<>();
        List<Map<String, String>> schema = new ArrayList<>();
        List<Map<String, String>> own = new ArrayList<>();
        for (Assignment assignment : assignments) {
            ObjectRef ref = assignment.on();
            switch (ref.level()) {
                case DOMAIN -> addIf(Names.within(ref, table), domain, assignment);
                case SCHEMA -> addIf(Names.within(ref, table), schema, assignment);
                case TABLE -> addIf(bindings.boundToTable(ref, table.uuid()) || Names.namesTable(ref, table), own, assignment);
                case COLUMN -> {
                    // per column, below
                }
            }
        }
        EffectiveTags tableTags = EffectiveTags.NONE.overriddenBy(domain).overriddenBy(schema).overriddenBy(own);
        Map<ColumnDescriptor, EffectiveTags> columnTags = new HashMap<>();
        for (ColumnDescriptor column : table.columns()) {
            List<Map<String, String>> onColumn = new ArrayList<>();
            for (Assignment assignment : assignments) {
                ObjectRef ref = assignment.on();
                addIf(ref.level() == ObjectRef.Level.COLUMN
                        && (bindings.boundToColumn(ref, table.uuid(), column.fieldId()) || Names.namesColumn(ref, table, column)),
                        onColumn, assignment);
            }
            columnTags.put(column, tableTags.overriddenBy(onColumn));
        }
        return new TableTags(tableTags, columnTags);
    }

    /** No tags on the table or any column: what a resource link has. */
    static TableTags none(TableDescriptor table) {
        Map<ColumnDescriptor, EffectiveTags> columnTags = new HashMap<>();
        table.columns().forEach(column -> columnTags.put(column, EffectiveTags.NONE));
        return new TableTags(EffectiveTags.NONE, columnTags);
    }

    EffectiveTags column(ColumnDescriptor column) {
        EffectiveTags tags = columns.get(column);
        if (tags == null) {
            throw new IllegalArgumentException("Cannot read tags of column '" + column.name() + "': it is not a column of this table");
        }
        return tags;
    }

    private static void addIf(boolean applies, List<Map<String, String>> level, Assignment assignment) {
        if (applies) {
            level.add(assignment.tags());
        }
    }
}
