package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * A contract checked against one snapshot of its product's table: which table (by UUID, which
 * changes when the table is re-created), which snapshot every rule read, when, and each rule's
 * result in contract order.
 *
 * @param snapshotId the snapshot every rule read; empty for a table with no snapshot yet
 */
public record ContractReport(ProductName product, String tableUuid, OptionalLong snapshotId, Instant checkedAt, List<RuleResult> results) {
    public ContractReport {
        requireNonNull(product, "product is null");
        requireNonNull(tableUuid, "tableUuid is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(checkedAt, "checkedAt is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
        if (results.isEmpty()) {
            throw new IllegalArgumentException("Cannot create ContractReport for " + product + ": no results");
        }
    }

    /** FAIL when a rule failed, else ERROR when one could not be checked, else PASS. */
    public RuleStatus status() {
        if (count(RuleStatus.FAIL) > 0) {
            return RuleStatus.FAIL;
        }
        return count(RuleStatus.ERROR) > 0 ? RuleStatus.ERROR : RuleStatus.PASS;
    }

    /** How many rules have {@code status}. */
    public long count(RuleStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
