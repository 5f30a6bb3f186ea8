package io.meshgate.policy.load;

import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.PolicyUser;
import io.meshgate.policy.model.Role;
import io.meshgate.yaml.YamlNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the {@code principals} mappings of all files: {@code attributes: {name: {type: varchar |
 * boolean | bigint | date}}}, {@code users: [{name, groups, attributes}]} and {@code roles: [{name,
 * inherits, users, groups}]}. Attributes are bound from every file first, since users of any file
 * may use them; roles must inherit declared roles and never themselves.
 */
final class PrincipalsBinder {
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, AttributeType> attributes = new LinkedHashMap<>();
    private final Map<String, Origin> attributeOrigins = new HashMap<>();
    private final Map<String, Origin> userNames = new HashMap<>();
    private final List<PolicyUser> users = new ArrayList<>();
    private final Map<String, Origin> roleNames = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Fields> roleFields = new HashMap<>();

    void bindAttributes(Fields principals) {
        Optional<Fields> declared = principals.mapping("attributes");
        if (declared.isEmpty()) {
            return;
        }
        Fields fields = declared.get();
        for (String name : fields.keys()) {
            Optional<AttributeType> type = fields.mapping(name).flatMap(PrincipalsBinder::type);
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                fields.problem(name, Rules.INVALID_NAME, "attribute names are letters, digits and _, not starting with a digit");
            } else if (attributes.containsKey(name)) {
                fields.problem(name, Rules.DUPLICATE_ATTRIBUTE, "attribute '" + name + "' is already declared at " + attributeOrigins.get(name));
            } else if (type.isPresent()) {
                attributes.put(name, type.get());
                attributeOrigins.put(name, new Origin(fields.file(), fields.line(name)));
            }
        }
    }

    private static Optional<AttributeType> type(Fields attribute) {
        Optional<String> name = attribute.requiredString("type");
        attribute.rejectUnknownKeys();
        return name.flatMap(n -> {
            try {
                return Optional.of(AttributeType.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                attribute.problem("type", Rules.INVALID_VALUE, "unknown attribute type '" + n + "' (use varchar, boolean, bigint or date)");
                return Optional.empty();
            }
        });
    }

    void bindUsersAndRoles(Fields principals) {
        for (Fields user : principals.list("users")) {
            user(user);
        }
        for (Fields role : principals.list("roles")) {
            role(role);
        }
        principals.rejectUnknownKeys();
    }

    private void user(Fields user) {
        Optional<String> name = user.requiredString("name");
        Optional<List<String>> groups = user.has("groups") ? user.strings("groups") : Optional.of(List.of());
        Optional<Map<String, AttributeValue>> values = user.has("attributes")
                ? user.mapping("attributes").flatMap(this::values) : Optional.of(Map.of());
        user.rejectUnknownKeys();
        if (name.isEmpty()) {
            return;
        }
        Origin first = userNames.putIfAbsent(name.get(), user.origin());
        if (first != null) {
            user.problem("name", Rules.DUPLICATE_USER, "user '" + name.get() + "' is already listed at " + first);
        } else if (groups.isPresent() && values.isPresent()) {
            users.add(new PolicyUser(name.get(), Set.copyOf(groups.get()), values.get(), user.origin()));
        }
    }

    private Optional<Map<String, AttributeValue>> values(Fields fields) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        boolean ok = true;
        for (String name : fields.keys()) {
            Optional<YamlNode> node = fields.node(name);
            AttributeType type = attributes.get(name);
            if (type == null) {
                fields.problem(name, Rules.UNDECLARED_ATTRIBUTE, "attribute '" + name + "' is not declared (declare it under principals.attributes)");
                ok = false;
                continue;
            }
            Optional<AttributeValue> value = node.flatMap(n -> value(fields, name, type, n));
            value.ifPresent(v -> values.put(name, v));
            ok &= value.isPresent();
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    private static Optional<AttributeValue> value(Fields fields, String name, AttributeType type, YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            String text = scalar.text();
            YamlNode.Scalar.Kind kind = scalar.kind();
            try {
                switch (type) {
                    case VARCHAR:
                        return Optional.of(new AttributeValue(type, text));
                    case BOOLEAN:
                        if (kind == YamlNode.Scalar.Kind.BOOLEAN) {
                            return Optional.of(new AttributeValue(type, Boolean.parseBoolean(text)));
                        }
                        break;
                    case BIGINT:
                        if (kind == YamlNode.Scalar.Kind.INTEGER) {
                            return Optional.of(new AttributeValue(type, Long.parseLong(text)));
                        }
                        break;
                    case DATE:
                        return Optional.of(new AttributeValue(type, LocalDate.parse(text)));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // reported below
            }
        }
        fields.problem(name, Rules.ATTRIBUTE_TYPE, "attribute '" + name + "' is declared " + type.name().toLowerCase(Locale.ROOT)
                + ", got " + Fields.describe(node) + switch (type) {
                    case VARCHAR -> "";
                    case BOOLEAN -> " (write true or false)";
                    case BIGINT -> " (write a whole number)";
                    case DATE -> " (write a date such as 2025-01-31)";
                });
        return Optional.empty();
    }

    private void role(Fields role) {
        Optional<String> name = role.requiredString("name");
        Optional<List<String>> inherits = role.has("inherits") ? role.strings("inherits") : Optional.of(List.of());
        Optional<List<String>> roleUsers = role.has("users") ? role.strings("users") : Optional.of(List.of());
        Optional<List<String>> groups = role.has("groups") ? role.strings("groups") : Optional.of(List.of());
        role.rejectUnknownKeys();
        if (name.isEmpty()) {
            return;
        }
        Origin first = roleNames.putIfAbsent(name.get(), role.origin());
        if (first != null) {
            role.problem("name", Rules.DUPLICATE_ROLE, "role '" + name.get() + "' is already declared at " + first);
        } else if (inherits.isPresent() && roleUsers.isPresent() && groups.isPresent()) {
            roles.put(name.get(), new Role(name.get(), Set.copyOf(inherits.get()), Set.copyOf(roleUsers.get()), Set.copyOf(groups.get()),
                    role.origin()));
            roleFields.put(name.get(), role);
        }
    }

    /** Reports inherited roles that are not declared and inheritance cycles. Call after every file's roles are bound. */
    void checkRoles() {
        Map<String, Set<String>> graph = new HashMap<>();
        for (Role role : roles.values()) {
            Fields fields = roleFields.get(role.name());
            for (String parent : role.inherits().stream().sorted().toList()) {
                if (!roleNames.containsKey(parent)) {
                    fields.problem("inherits", Rules.UNDECLARED_ROLE, "role '" + role.name() + "' inherits '" + parent + "', which is not declared");
                }
            }
            graph.put(role.name(), role.inherits());
        }
        for (List<String> cycle : RoleCycles.find(graph)) {
            roleFields.get(cycle.get(0)).problem("inherits", Rules.ROLE_CYCLE, "roles inherit each other in a cycle: "
                    + String.join(" -> ", cycle) + " (remove one of these inherits)");
        }
    }

    Map<String, AttributeType> attributes() {
        return attributes;
    }

    List<PolicyUser> users() {
        return users;
    }

    /** The names of every role declared, also of those with problems, so that rules using them are not reported too. */
    Set<String> roleNames() {
        return roleNames.keySet();
    }

    List<Role> roles() {
        return new ArrayList<>(roles.values());
    }
}
