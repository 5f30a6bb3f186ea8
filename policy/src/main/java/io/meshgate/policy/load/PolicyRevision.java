package io.meshgate.policy.load;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.PolicyUser;
import io.meshgate.policy.model.PrincipalMatch;
import io.meshgate.policy.model.Restriction;
import io.meshgate.policy.model.Role;
import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The revision of a policy set: the SHA-256 (hex) of its canonical form, a JSON tree of the bound
 * model with sorted keys, where every list whose order means nothing (rules, names, set members,
 * the terms of {@code all} and {@code any}, the values of an unordered tag) is sorted and the
 * assignments of one object are merged. Origins are left out, so file names, file order, key
 * order, whitespace and comments do not change the revision; every change of meaning does.
 */
final class PolicyRevision {
    private PolicyRevision() {
    }

    static String of(List<TagKey> tags, Map<String, AttributeType> attributes, List<PolicyUser> users, List<Role> roles,
            List<Assignment> assignments, List<Grant> grants, List<Restriction> restrictions) {
        Map<String, Object> root = new TreeMap<>();
        root.put("tags", CanonicalJson.sorted(tags.stream().map(PolicyRevision::tag).toList()));
        Map<String, Object> declared = new TreeMap<>();
        attributes.forEach((name, type) -> declared.put(name, type.name()));
        root.put("attributes", declared);
        root.put("users", CanonicalJson.sorted(users.stream().map(PolicyRevision::user).toList()));
        root.put("roles", CanonicalJson.sorted(roles.stream().map(PolicyRevision::role).toList()));
        root.put("assignments", assignments(assignments));
        root.put("grants", CanonicalJson.sorted(grants.stream().map(PolicyRevision::grant).toList()));
        root.put("restrictions", CanonicalJson.sorted(restrictions.stream().map(PolicyRevision::restriction).toList()));
        return Sha256.hex(CanonicalJson.write(root));
    }

    private static Object tag(TagKey tag) {
        return Map.of("key", tag.key(), "ordered", tag.ordered(), "values", tag.ordered() ? tag.values() : names(tag.values()));
    }

    private static Object user(PolicyUser user) {
        Map<String, Object> values = new TreeMap<>();
        user.attributes().forEach((name, value) -> values.put(name, Map.of("type", value.type().name(), "value", value.value().toString())));
        return Map.of("name", user.name(), "groups", names(user.groups()), "attributes", values);
    }

    private static Object role(Role role) {
        return Map.of("name", role.name(), "inherits", names(role.inherits()), "users", names(role.users()), "groups", names(role.groups()));
    }

    private static Object assignments(List<Assignment> assignments) {
        Map<ObjectRef, Map<String, Object>> merged = new LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            merged.computeIfAbsent(assignment.on(), on -> new TreeMap<>()).putAll(assignment.tags());
        }
        return CanonicalJson.sorted(merged.entrySet().stream().map(e -> Map.of("on", ref(e.getKey()), "tags", e.getValue())).toList());
    }

    private static Object grant(Grant grant) {
        Map<String, Object> out = new TreeMap<>();
        out.put("id", grant.id());
        out.put("to", principals(grant.to()));
        out.put("permissions", names(grant.permissions().stream().map(Enum::name).toList()));
        out.put("on", objects(grant.on()));
        out.put("columns", columns(grant.columns()));
        grant.rows().ifPresent(rows -> out.put("rows", rows));
        out.put("masks", grant.masks().stream().map(PolicyRevision::columnMask).toList());
        grant.validFrom().ifPresent(from -> out.put("validFrom", from.toString()));
        grant.validUntil().ifPresent(until -> out.put("validUntil", until.toString()));
        return out;
    }

    private static Object restriction(Restriction restriction) {
        Map<String, Object> out = new TreeMap<>();
        out.put("id", restriction.id());
        out.put("kind", restriction.kind().name());
        out.put("to", principals(restriction.to()));
        out.put("except", principals(restriction.except()));
        out.put("on", objects(restriction.on()));
        out.put("columns", columns(restriction.columns()));
        restriction.rows().ifPresent(rows -> out.put("rows", rows));
        restriction.mask().ifPresent(mask -> out.put("mask", mask(mask)));
        return out;
    }

    private static Object principals(PrincipalMatch match) {
        return Map.of("all", match.all(), "users", names(match.users()), "groups", names(match.groups()), "roles", names(match.roles()));
    }

    private static Object objects(ObjectSelection selection) {
        if (selection instanceof ObjectSelection.Named named) {
            return Map.of("named", CanonicalJson.sorted(named.objects().stream().map(PolicyRevision::ref).toList()));
        }
        if (selection instanceof ObjectSelection.Tagged tagged) {
            return Map.of("match", expression(tagged.expression()));
        }
        return Map.of("all", true);
    }

    private static Object columns(ColumnSelection selection) {
        if (selection instanceof ColumnSelection.Include include) {
            return Map.of("include", names(include.names()));
        }
        if (selection instanceof ColumnSelection.Exclude exclude) {
            return Map.of("exclude", names(exclude.names()));
        }
        if (selection instanceof ColumnSelection.Tagged tagged) {
            return Map.of("match", expression(tagged.expression()));
        }
        return selection instanceof ColumnSelection.Same ? Map.of("same", true) : Map.of("all", true);
    }

    private static Object expression(TagExpression expression) {
        if (expression instanceof TagExpression.All all) {
            return Map.of("all", CanonicalJson.sorted(all.terms().stream().map(PolicyRevision::expression).toList()));
        }
        if (expression instanceof TagExpression.Any any) {
            return Map.of("any", CanonicalJson.sorted(any.terms().stream().map(PolicyRevision::expression).toList()));
        }
        TagExpression.Condition condition = (TagExpression.Condition) expression;
        return Map.of("key", condition.key(), "comparison", condition.comparison().name(), "values", names(condition.values()));
    }

    private static Object columnMask(ColumnMask mask) {
        return Map.of("columns", columns(mask.columns()), "mask", mask(mask.mask()));
    }

    private static Object mask(Mask mask) {
        Map<String, Object> out = new TreeMap<>();
        out.put("fn", mask.function().name());
        mask.n().ifPresent(n -> out.put("n", n));
        mask.text().ifPresent(text -> out.put("text", text));
        out.put("strength", mask.strength());
        return out;
    }

    private static Object ref(ObjectRef ref) {
        Map<String, Object> out = new TreeMap<>();
        out.put("domain", ref.domain());
        ref.schema().ifPresent(schema -> out.put("schema", schema));
        ref.table().ifPresent(table -> out.put("table", table));
        ref.column().ifPresent(column -> out.put("column", column));
        return out;
    }

    private static List<String> names(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
