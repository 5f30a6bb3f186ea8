package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.Principal;
import java.util.Set;

/**
 * On whose behalf access to one table is decided (POLICY.md sections 2 and 4).
 *
 * <p>A direct read ({@link #direct}): the principal's grants and restrictions on a table. A read
 * through resource links is decided in layers, one per object on the way, each with its own scope:
 * on the link the caller named, the caller's grants ({@code grantee}); on each link's target, the
 * grants of that link's owner, who granted access to it. Every layer applies the restrictions of
 * everyone on the way ({@code restricted}: the caller and every owner), so that no link shows the
 * caller more than any of them could see.
 *
 * @param grantee    whose grants apply
 * @param restricted whose restrictions apply: a restriction applies when it applies to one of them
 *                   ({@code to} names them and {@code except} does not); holds {@code grantee}
 * @param object     what the table is: a link is selected only by grants and restrictions that name
 *                   it (or its schema or domain), never by {@code all: true} or tags, and has no tags
 */
public record AccessScope(Principal grantee, Set<Principal> restricted, ObjectKind object) {
    /** What a decision is about: a table holding data, or a resource link's name for one. */
    public enum ObjectKind {
        TABLE,
        LINK
    }

    public AccessScope {
        requireNonNull(grantee, "grantee is null");
        restricted = Set.copyOf(requireNonNull(restricted, "restricted is null"));
        requireNonNull(object, "object is null");
        if (!restricted.contains(grantee)) {
            throw new IllegalArgumentException("Cannot create AccessScope: the restrictions of grantee '" + grantee.name()
                    + "' must apply too (add it to restricted)");
        }
    }

    /** A principal reading a table directly: its own grants and restrictions. */
    public static AccessScope direct(Principal principal) {
        return new AccessScope(principal, Set.of(principal), ObjectKind.TABLE);
    }

    /** True for a principal reading a table directly. */
    public boolean isDirect() {
        return object == ObjectKind.TABLE && restricted.size() == 1;
    }
}
