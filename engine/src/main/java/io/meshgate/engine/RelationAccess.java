package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.eval.AccessDecision;
import java.util.List;
import java.util.OptionalLong;

/**
 * One table a query reads and the access decision it was planned under, for the audit record.
 *
 * @param object        {@code domain.schema.table}
 * @param suppressed    optimizations the policy barrier kept from happening (predicates kept above it, a limit not pushed)
 */
public record RelationAccess(String object, String uuid, OptionalLong snapshotId, AccessDecision decision, List<String> suppressed) {
    public RelationAccess {
        requireNonNull(object, "object is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(decision, "decision is null");
        suppressed = List.copyOf(requireNonNull(suppressed, "suppressed is null"));
    }
}
