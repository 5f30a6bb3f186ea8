package io.meshgate.policy.load;

import io.meshgate.policy.model.ObjectRef;
import io.meshgate.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dotted object names of policy files: {@code {domain: d}}, {@code {schema: d.s}},
 * {@code {table: d.s.t}}, {@code {column: d.s.t.c}} (a nested field continues with dots).
 */
final class ObjectNames {
    static final String DOMAIN = "domain";
    static final String SCHEMA = "schema";
    static final String TABLE = "table";
    static final String COLUMN = "column";

    private ObjectNames() {
    }

    /** The object under {@code level} (one of the constants above) of {@code fields}. */
    static Optional<ObjectRef> read(Fields fields, String level) {
        Optional<YamlNode> node = fields.node(level);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = fields.text(fields.path(level), node.get());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(name.get().split("\\.", -1));
        int expected = switch (level) {
            case DOMAIN -> 1;
            case SCHEMA -> 2;
            case TABLE -> 3;
            default -> 4;
        };
        boolean countOk = level.equals(COLUMN) ? parts.size() >= expected : parts.size() == expected;
        if (!countOk || parts.stream().anyMatch(String::isBlank)) {
            fields.problem(level, Rules.INVALID_NAME, "'" + name.get() + "' is not a " + level + " name (write " + form(level) + ")");
            return Optional.empty();
        }
        return Optional.of(switch (level) {
            case DOMAIN -> ObjectRef.domain(parts.get(0));
            case SCHEMA -> ObjectRef.schema(parts.get(0), parts.get(1));
            case TABLE -> ObjectRef.table(parts.get(0), parts.get(1), parts.get(2));
            default -> ObjectRef.column(parts.get(0), parts.get(1), parts.get(2), String.join(".", parts.subList(3, parts.size())));
        });
    }

    private static String form(String level) {
        return switch (level) {
            case DOMAIN -> "domain";
            case SCHEMA -> "domain.schema";
            case TABLE -> "domain.schema.table";
            default -> "domain.schema.table.column";
        };
    }
}
