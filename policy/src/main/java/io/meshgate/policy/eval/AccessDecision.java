package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one principal may do with one table under one policy revision.
 *
 * @param visible      the table exists for the principal (R2); when false nothing else matters
 * @param columns      the visible columns in table order, each with how its cells are shown
 * @param rows         which rows are visible
 * @param denial       present when the table is visible but may not be queried (no SELECT, MASK_CONFLICT, R8)
 * @param metadataRead METADATA_READ granted and no row rule, mask, cell rule or hidden column applies (B6)
 * @param grants       ids of the grants that apply
 * @param restrictions ids of the restrictions that apply
 * @param dropped      ids of grants dropped because they could not be evaluated (R8), for audit and lint
 */
public record AccessDecision(
        String revision,
        TableDescriptor table,
        boolean visible,
        List<ColumnAccess> columns,
        RowRule rows,
        Optional<Denial> denial,
        boolean metadataRead,
        Set<String> grants,
        Set<String> restrictions,
        Set<String> dropped) {
    public AccessDecision {
        requireNonNull(revision, "revision is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rows, "rows is null");
        requireNonNull(denial, "denial is null");
        grants = Set.copyOf(requireNonNull(grants, "grants is null"));
        restrictions = Set.copyOf(requireNonNull(restrictions, "restrictions is null"));
        dropped = Set.copyOf(requireNonNull(dropped, "dropped is null"));
    }

    /** Everything, unmasked: what a principal gets when no policy set is configured. */
    public static AccessDecision unrestricted(String revision, TableDescriptor table) {
        List<ColumnAccess> all = table.columns().stream()
                .map(c -> new ColumnAccess(c, List.of(new CellCase(Optional.empty(), io.meshgate.policy.model.Mask.NONE)), true))
                .toList();
        return new AccessDecision(revision, table, true, all, new RowRule(List.of(), List.of()), Optional.empty(), true, Set.of(), Set.of(), Set.of());
    }

    /** The table does not exist for the principal. */
    public static AccessDecision invisible(String revision, TableDescriptor table, Set<String> dropped) {
        return new AccessDecision(revision, table, false, List.of(), new RowRule(List.of(), List.of()), Optional.empty(), false, Set.of(), Set.of(), dropped);
    }

    /**
     * True when the principal sees the whole table as stored: every column, every row, no mask,
     * no cell rule. Only then may the planner skip the barrier.
     */
    /** True when every column of the table is visible (masked or cell-nulled ones included): nothing shown can name a hidden column. */
    public boolean showsEveryColumn() {
        return columns.size() == table.columns().size();
    }

    public boolean isFullAccess() {
        return visible && denial.isEmpty() && rows.isUnrestricted() && columns.size() == table.columns().size()
                && columns.stream().allMatch(c -> c.plain() && !c.masked() && !c.cellNulled());
    }

    public Optional<ColumnAccess> column(String name) {
        return columns.stream().filter(c -> c.column().name().equals(name)).findFirst();
    }
}
