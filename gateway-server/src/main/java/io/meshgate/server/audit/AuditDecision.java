package io.meshgate.server.audit;

import io.meshgate.engine.RelationAccess;
import io.meshgate.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/** What the policy made of a query, as the audit record states it (POLICY.md section 6). */
public enum AuditDecision {
    /** Every table read whole: all columns, all rows, no mask. */
    ALLOW,
    /** At least one table read through a policy barrier: hidden columns, filtered rows, masks or nulled cells. */
    ALLOW_RESTRICTED,
    /** Refused by the policy: PERMISSION_DENIED or MASK_CONFLICT. */
    DENY,
    /** Failed for any other reason. */
    ERROR;

    static AuditDecision of(Optional<ErrorCode> error, List<RelationAccess> relations) {
        if (error.isPresent()) {
            return error.get() == ErrorCode.PERMISSION_DENIED || error.get() == ErrorCode.MASK_CONFLICT ? DENY : ERROR;
        }
        return relations.stream().allMatch(RelationAccess::fullAccess) ? ALLOW : ALLOW_RESTRICTED;
    }
}
