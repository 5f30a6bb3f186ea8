package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.TagKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the policy files declare and the rules that use names check against: tag keys, attributes, roles. */
record Declared(Map<String, TagKey> tags, Map<String, AttributeType> attributes, Set<String> roles) {
    Declared {
        tags = Map.copyOf(requireNonNull(tags, "tags is null"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
    }

    /** The declared tag {@code key}; empty after reporting it at {@code at} of {@code fields}. */
    Optional<TagKey> tag(Fields fields, String at, String key) {
        TagKey tag = tags.get(key);
        if (tag == null) {
            fields.problem(at, Rules.UNDECLARED_TAG, "tag '" + key + "' is not declared ("
                    + (tags.isEmpty() ? "none declared" : "declared: " + String.join(", ", new TreeSet<>(tags.keySet()))) + ")");
        }
        return Optional.ofNullable(tag);
    }

    /** True when {@code tag} allows {@code value}; otherwise reports it at {@code at} of {@code fields}. */
    static boolean allows(Fields fields, String at, TagKey tag, String value) {
        if (tag.allows(value)) {
            return true;
        }
        fields.problem(at, Rules.UNDECLARED_TAG_VALUE, "'" + value + "' is not a value of tag '" + tag.key()
                + "' (values: " + String.join(", ", tag.values()) + ")");
        return false;
    }

    /** True when every role is declared; otherwise reports each undeclared one at {@code at} of {@code fields}. */
    boolean rolesDeclared(Fields fields, String at, Iterable<String> names) {
        boolean ok = true;
        for (String name : names) {
            if (!roles.contains(name)) {
                fields.problem(at, Rules.UNDECLARED_ROLE, "role '" + name + "' is not declared (declare it under principals.roles)");
                ok = false;
            }
        }
        return ok;
    }
}
