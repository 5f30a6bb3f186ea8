package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One complete, validated set of policy files, as loaded. {@code revision} is a hash of the
 * canonical form of the set: equal sets have equal revisions whatever their file layout.
 */
public record PolicySet(
        List<TagKey> tags,
        Map<String, AttributeType> attributes,
        List<PolicyUser> users,
        List<Role> roles,
        List<Assignment> assignments,
        List<Grant> grants,
        List<Restriction> restrictions,
        String revision) {
    public PolicySet {
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        users = List.copyOf(requireNonNull(users, "users is null"));
        roles = List.copyOf(requireNonNull(roles, "roles is null"));
        assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
        grants = List.copyOf(requireNonNull(grants, "grants is null"));
        restrictions = List.copyOf(requireNonNull(restrictions, "restrictions is null"));
        requireNonNull(revision, "revision is null");
    }

    /** The first 12 characters of the revision, for people (logs, the command line, admin pages). */
    public String shortRevision() {
        return revision.substring(0, Math.min(12, revision.length()));
    }
}
