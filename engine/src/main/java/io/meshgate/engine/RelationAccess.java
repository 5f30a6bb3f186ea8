package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.eval.AccessDecision;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One table a query reads and the access decision it was planned under, for the audit record.
 *
 * @param object     {@code domain.schema.table}: the table read (a link's target when read through one)
 * @param decision   the principal's own access: on the table, or on the link it named
 * @param suppressed optimizations the policy barrier kept from happening (predicates kept above it, a limit not pushed)
 * @param via        the link names the table was read through, the name the query used first; empty for a direct read
 * @param below      for a read through links, the access decisions under {@code decision}, the producer's first
 */
public record RelationAccess(String object, String uuid, OptionalLong snapshotId, AccessDecision decision, List<String> suppressed,
        List<String> via, List<AccessDecision> below) {
    public RelationAccess {
        requireNonNull(object, "object is null");
        requireNonNull(uuid, "uuid is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(decision, "decision is null");
        suppressed = List.copyOf(requireNonNull(suppressed, "suppressed is null"));
        via = List.copyOf(requireNonNull(via, "via is null"));
        below = List.copyOf(requireNonNull(below, "below is null"));
    }

    /** A table read directly. */
    public RelationAccess(String object, String uuid, OptionalLong snapshotId, AccessDecision decision, List<String> suppressed) {
        this(object, uuid, snapshotId, decision, suppressed, List.of(), List.of());
    }

    /** Every decision applied to the read, the producer's first and the principal's own last. */
    public List<AccessDecision> decisions() {
        return Stream.concat(below.stream(), Stream.of(decision)).toList();
    }

    /** True when the table was read whole: no layer hid a column or a row, masked or nulled a cell. */
    public boolean fullAccess() {
        return decisions().stream().allMatch(AccessDecision::isFullAccess);
    }
}
