package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

/** The binders of the parts grants and restrictions share, and the ids both must keep unique. */
record RuleParts(PrincipalMatchBinder principals, ObjectSelectionBinder objects, ColumnSelectionBinder columns, MaskBinder masks,
        SqlTexts sql, Ids ids) {
    RuleParts {
        requireNonNull(principals, "principals is null");
        requireNonNull(objects, "objects is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(masks, "masks is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(ids, "ids is null");
    }
}
