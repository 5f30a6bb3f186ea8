package io.meshgate.policy.eval;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PolicyUser;
import io.meshgate.policy.model.PrincipalMatch;
import io.meshgate.policy.model.Restriction;
import io.meshgate.policy.model.Role;
import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds policy sets in code, as the YAML loader would, with short defaults for tests. */
final class TestPolicies {
    private TestPolicies() {
    }

    static PolicySetBuilder policy() {
        return new PolicySetBuilder();
    }

    static GrantBuilder grant(String id) {
        return new GrantBuilder(id);
    }

    static RestrictionBuilder rowFilter(String id, String predicate) {
        return new RestrictionBuilder(id, Restriction.Kind.ROW_FILTER, new ColumnSelection.AllColumns(), Optional.of(predicate), Optional.empty());
    }

    static RestrictionBuilder columnMask(String id, ColumnSelection columns, Mask mask) {
        return new RestrictionBuilder(id, Restriction.Kind.COLUMN_MASK, columns, Optional.empty(), Optional.of(mask));
    }

    static TagExpression.Condition in(String key, String... values) {
        return new TagExpression.Condition(key, TagExpression.Condition.Comparison.IN, Set.of(values));
    }

    static TagExpression.Condition atMost(String key, String value) {
        return new TagExpression.Condition(key, TagExpression.Condition.Comparison.AT_MOST, Set.of(value));
    }

    static ObjectSelection.Tagged taggedTables(TagExpression expression) {
        return new ObjectSelection.Tagged(expression);
    }

    static ObjectSelection.Named named(ObjectRef... objects) {
        return new ObjectSelection.Named(List.of(objects));
    }

    static ColumnSelection.Include include(String... names) {
        return new ColumnSelection.Include(Set.of(names));
    }

    static ColumnSelection.Exclude exclude(String... names) {
        return new ColumnSelection.Exclude(Set.of(names));
    }

    static PrincipalMatch groups(String... groups) {
        return new PrincipalMatch(false, Set.of(), Set.of(groups), Set.of());
    }

    static final class PolicySetBuilder {
        private final List<TagKey> tags = new ArrayList<>();
        private final Map<String, AttributeType> attributes = new HashMap<>();
        private final List<PolicyUser> users = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<Assignment> assignments = new ArrayList<>();
        private final List<Grant> grants = new ArrayList<>();
        private final List<Restriction> restrictions = new ArrayList<>();

        PolicySetBuilder tag(String key, boolean ordered, String... values) {
            tags.add(new TagKey(key, List.of(values), ordered, Origin.code()));
            return this;
        }

        PolicySetBuilder attribute(String name, AttributeType type) {
            attributes.put(name, type);
            return this;
        }

        PolicySetBuilder user(String name, Set<String> groups, Map<String, AttributeValue> values) {
            users.add(new PolicyUser(name, groups, values, Origin.code()));
            return this;
        }

        PolicySetBuilder role(String name, Set<String> inherits, Set<String> roleUsers, Set<String> roleGroups) {
            roles.add(new Role(name, inherits, roleUsers, roleGroups, Origin.code()));
            return this;
        }

        /** Tags as alternating keys and values: {@code assign(ref, "sensitivity", "internal", "pii", "email")}. */
        PolicySetBuilder assign(ObjectRef on, String... keysAndValues) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                values.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            assignments.add(new Assignment(on, values, Origin.code()));
            return this;
        }

        PolicySetBuilder grant(GrantBuilder grant) {
            grants.add(grant.build());
            return this;
        }

        PolicySetBuilder restriction(RestrictionBuilder restriction) {
            restrictions.add(restriction.build());
            return this;
        }

        PolicySet build() {
            return build("r1");
        }

        PolicySet build(String revision) {
            return new PolicySet(tags, attributes, users, roles, assignments, grants, restrictions, revision);
        }
    }

    static final class GrantBuilder {
        private final String id;
        private PrincipalMatch to = PrincipalMatch.nobody();
        private Set<Permission> permissions = EnumSet.of(Permission.SELECT);
        private ObjectSelection on = named(Orders.TABLE_REF);
        private ColumnSelection columns = new ColumnSelection.AllColumns();
        private Optional<String> rows = Optional.empty();
        private final List<ColumnMask> masks = new ArrayList<>();
        private Optional<Instant> validFrom = Optional.empty();
        private Optional<Instant> validUntil = Optional.empty();

        private GrantBuilder(String id) {
            this.id = id;
        }

        GrantBuilder to(PrincipalMatch match) {
            to = match;
            return this;
        }

        GrantBuilder toGroups(String... groups) {
            return to(groups(groups));
        }

        GrantBuilder permissions(Permission first, Permission... rest) {
            permissions = EnumSet.of(first, rest);
            return this;
        }

        GrantBuilder on(ObjectSelection selection) {
            on = selection;
            return this;
        }

        GrantBuilder columns(ColumnSelection selection) {
            columns = selection;
            return this;
        }

        GrantBuilder rows(String predicate) {
            rows = Optional.of(predicate);
            return this;
        }

        GrantBuilder mask(ColumnSelection selection, Mask mask) {
            masks.add(new ColumnMask(selection, mask));
            return this;
        }

        GrantBuilder validBetween(Instant from, Instant until) {
            validFrom = Optional.of(from);
            validUntil = Optional.of(until);
            return this;
        }

        Grant build() {
            return new Grant(id, to, permissions, on, columns, rows, masks, validFrom, validUntil, Origin.code());
        }
    }

    static final class RestrictionBuilder {
        private final String id;
        private final Restriction.Kind kind;
        private final ColumnSelection columns;
        private final Optional<String> rows;
        private final Optional<Mask> mask;
        private PrincipalMatch to = PrincipalMatch.everyone();
        private PrincipalMatch except = PrincipalMatch.nobody();
        private ObjectSelection on = new ObjectSelection.Everything();

        private RestrictionBuilder(String id, Restriction.Kind kind, ColumnSelection columns, Optional<String> rows, Optional<Mask> mask) {
            this.id = id;
            this.kind = kind;
            this.columns = columns;
            this.rows = rows;
            this.mask = mask;
        }

        RestrictionBuilder to(PrincipalMatch match) {
            to = match;
            return this;
        }

        RestrictionBuilder exceptGroups(String... groups) {
            except = groups(groups);
            return this;
        }

        RestrictionBuilder on(ObjectSelection selection) {
            on = selection;
            return this;
        }

        Restriction build() {
            return new Restriction(id, kind, to, except, on, columns, rows, mask, Origin.code());
        }
    }
}
