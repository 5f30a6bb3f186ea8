package io.meshgate.policy.load;

import io.meshgate.policy.model.Origin;
import io.meshgate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a policy file being bound, at a key path ({@code grants[2].on}). Reading a key
 * marks it known; every problem is added to the shared list and binding goes on, so that all
 * problems of all files surface together. A key written with no value ({@code rows:}) is a problem,
 * not an absent key.
 */
final class Fields {
    private final String file;
    private final String path;
    private final YamlNode.Mapping mapping;
    private final List<PolicyProblem> problems;
    private final Set<String> read = new HashSet<>();

    private Fields(String file, String path, YamlNode.Mapping mapping, List<PolicyProblem> problems) {
        this.file = file;
        this.path = path;
        this.mapping = mapping;
        this.problems = problems;
    }

    /** The node as a mapping, or empty after reporting that it is not one. */
    static Optional<Fields> of(String file, String path, YamlNode node, List<PolicyProblem> problems) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new Fields(file, path, m, problems));
        }
        problems.add(new PolicyProblem(file, node.line(), Rules.WRONG_TYPE, (path.isEmpty()
                ? "a policy file must be a mapping of tags, principals, assignments, grants and restrictions"
                : path + ": must be a mapping (key: value)") + ", not " + describe(node)));
        return Optional.empty();
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Origin origin() {
        return new Origin(file, mapping.line());
    }

    List<PolicyProblem> problems() {
        return problems;
    }

    /** The keys written here, in file order. */
    Set<String> keys() {
        return mapping.entries().keySet();
    }

    /** True when the key is written; marks it known. */
    boolean has(String key) {
        read.add(key);
        return mapping.entries().containsKey(key);
    }

    /** The line of a key, or of this mapping when the key is absent. */
    int line(String key) {
        YamlNode node = mapping.entries().get(key);
        return node == null ? mapping.line() : node.line();
    }

    void problem(String key, String rule, String message) {
        problems.add(new PolicyProblem(file, line(key), rule, path(key) + ": " + message));
    }

    void problemHere(String rule, String message) {
        problems.add(new PolicyProblem(file, mapping.line(), rule, (path.isEmpty() ? "" : path + ": ") + message));
    }

    /** A key's value as written, without marking the key known or reporting anything. */
    Optional<YamlNode> peek(String key) {
        return Optional.ofNullable(mapping.entries().get(key));
    }

    /** A key's value as written, marking the key known; empty when absent, a problem when null. */
    Optional<YamlNode> node(String key) {
        read.add(key);
        YamlNode node = mapping.entries().get(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            problem(key, Rules.WRONG_TYPE, "must have a value (or leave the key out)");
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    /** True when the key is written; otherwise reports it as required ({@code hint} says what to write). */
    boolean require(String key, String hint) {
        if (!has(key)) {
            problemHere(Rules.MISSING_KEY, "'" + key + "' is required" + (hint.isEmpty() ? "" : " (" + hint + ")"));
            return false;
        }
        return true;
    }

    Optional<String> string(String key) {
        return node(key).flatMap(node -> text(path(key), node));
    }

    Optional<String> requiredString(String key) {
        return require(key, "") ? string(key) : Optional.empty();
    }

    /** A non-blank plain value, or empty after reporting what is wrong with the node. */
    Optional<String> text(String nodePath, YamlNode node) {
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            problems.add(new PolicyProblem(file, node.line(), Rules.WRONG_TYPE, nodePath + ": must be a plain value, not " + describe(node)));
            return Optional.empty();
        }
        if (scalar.text().isBlank()) {
            problems.add(new PolicyProblem(file, node.line(), Rules.INVALID_VALUE, nodePath + ": must not be blank"));
            return Optional.empty();
        }
        return Optional.of(scalar.text());
    }

    /** A YAML {@code true} or {@code false}. */
    Optional<Boolean> bool(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
                return Optional.of(Boolean.parseBoolean(scalar.text()));
            }
            problem(key, Rules.WRONG_TYPE, "must be true or false, not " + describe(node));
            return Optional.empty();
        });
    }

    OptionalInt integer(String key) {
        Optional<YamlNode> found = node(key);
        if (found.isEmpty()) {
            return OptionalInt.empty();
        }
        if (found.get() instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.INTEGER) {
            try {
                return OptionalInt.of(Integer.parseInt(scalar.text()));
            } catch (NumberFormatException e) {
                problem(key, Rules.INVALID_VALUE, "must be a whole number within int range, got " + scalar.text());
                return OptionalInt.empty();
            }
        }
        problem(key, Rules.WRONG_TYPE, "must be a whole number, not " + describe(found.get()));
        return OptionalInt.empty();
    }

    /** The plain values of a list; a duplicate is reported and kept once. */
    Optional<List<String>> strings(String key) {
        return node(key).flatMap(node -> {
            if (!(node instanceof YamlNode.Sequence sequence)) {
                problem(key, Rules.WRONG_TYPE, "must be a list, not " + describe(node));
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                YamlNode item = sequence.items().get(i);
                Optional<String> value = text(path(key) + "[" + i + "]", item);
                if (value.isPresent() && values.contains(value.get())) {
                    problems.add(new PolicyProblem(file, item.line(), Rules.DUPLICATE_VALUE, path(key) + ": '" + value.get() + "' is listed twice"));
                } else {
                    value.ifPresent(values::add);
                }
            }
            return Optional.of(values);
        });
    }

    /** Like {@link #strings}, and a problem when the list is empty. */
    Optional<List<String>> nonEmptyStrings(String key) {
        Optional<List<String>> values = strings(key);
        if (values.isPresent() && values.get().isEmpty()) {
            problem(key, Rules.INVALID_VALUE, "must list at least one value");
            return Optional.empty();
        }
        return values;
    }

    Optional<Fields> mapping(String key) {
        return node(key).flatMap(node -> of(file, path(key), node, problems));
    }

    /** The mappings of a list; empty when the key is absent. */
    List<Fields> list(String key) {
        return list(key, Optional.empty());
    }

    /** The mappings of a list, and a problem when it is written but empty ({@code hint} says what to list). */
    List<Fields> nonEmptyList(String key, String hint) {
        return list(key, Optional.of(hint));
    }

    private List<Fields> list(String key, Optional<String> nonEmptyHint) {
        Optional<YamlNode> found = node(key);
        if (found.isEmpty()) {
            return List.of();
        }
        if (!(found.get() instanceof YamlNode.Sequence sequence)) {
            problem(key, Rules.WRONG_TYPE, "must be a list, not " + describe(found.get()));
            return List.of();
        }
        if (sequence.items().isEmpty() && nonEmptyHint.isPresent()) {
            problem(key, Rules.INVALID_VALUE, "must list at least one " + nonEmptyHint.get());
        }
        List<Fields> items = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            of(file, path(key) + "[" + i + "]", sequence.items().get(i), problems).ifPresent(items::add);
        }
        return items;
    }

    /**
     * The one key of {@code choices} that is written here, or empty after reporting that none or
     * several are. Keys outside {@code choices} are left to {@link #rejectUnknownKeys}.
     */
    Optional<String> oneOf(String rule, List<String> choices) {
        List<String> present = choices.stream().filter(this::has).toList();
        choices.forEach(read::add);
        if (present.size() == 1) {
            return Optional.of(present.get(0));
        }
        problemHere(rule, (present.isEmpty() ? "needs one of " : "give only one of ") + String.join(", ", present.isEmpty() ? choices : present));
        return Optional.empty();
    }

    /** Reports every key of this mapping that was never read. Call after binding it. */
    void rejectUnknownKeys() {
        Set<String> known = new TreeSet<>(read);
        mapping.entries().forEach((key, node) -> {
            if (!read.contains(key)) {
                problems.add(new PolicyProblem(file, node.line(), Rules.UNKNOWN_KEY, path(key) + ": unknown key"
                        + (known.isEmpty() ? "" : " (known keys here: " + String.join(", ", known) + ")")));
            }
        });
    }

    static String describe(YamlNode node) {
        if (node instanceof YamlNode.Mapping) {
            return "a mapping";
        }
        if (node instanceof YamlNode.Sequence) {
            return "a list";
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return scalar.isNull() ? "empty" : "'" + scalar.text() + "'";
    }
}
