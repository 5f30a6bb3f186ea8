package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import io.meshgate.yaml.YamlNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a contract from the YAML node of a product's {@code contract:} key:
 *
 * <pre>{@code
 * contract:
 *   schema:
 *     compatibility: backward          # backward (default), forward or full
 *     columns:
 *       o_orderkey: bigint not null
 *       o_totalprice: decimal(12,2)
 *   quality:
 *     - not_null: [o_orderkey, o_custkey]
 *     - unique: [o_orderkey]            # each column on its own; [[a, b]] for a pair
 *     - accepted_values: {column: o_orderstatus, values: [F, O, P]}
 *     - range: {column: o_totalprice, min: 0, max: 600000}
 *     - row_count: {min: 1}
 *     - freshness: {max_age: 6h}
 * }</pre>
 *
 * Every problem is reported with its file and line, and reading goes on, so that all problems of
 * all contracts surface together.
 */
public final class Contracts {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    private static final List<String> RULES = List.of("not_null", "unique", "accepted_values", "range", "row_count", "freshness");
    private static final String PATH = "contract";

    private final String file;
    private final List<ContractProblem> problems = new ArrayList<>();
    private boolean failed;

    private Contracts(String file) {
        this.file = file;
    }

    /**
     * The contract written at {@code node}, or empty after reporting each of its problems to
     * {@code problems}, each with {@code fileName} and its line, in line order.
     */
    public static Optional<Contract> parse(YamlNode node, String fileName, Consumer<ContractProblem> problems) {
        requireNonNull(node, "node is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(problems, "problems is null");
        Contracts contracts = new Contracts(fileName);
        Optional<Contract> contract = contracts.contract(node);
        contracts.problems.stream().sorted(Comparator.comparingInt(ContractProblem::line)).forEach(problems);
        return contract;
    }

    private Optional<Contract> contract(YamlNode node) {
        Optional<YamlNode.Mapping> mapping = mapping(PATH, node, "a mapping with schema and quality");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> entries = mapping.get().entries();
        rejectUnknownKeys(PATH, entries, List.of("schema", "quality"));
        Optional<SchemaContract> schema = value(PATH, entries, "schema").flatMap(this::schema);
        List<QualityRule> quality = value(PATH, entries, "quality").map(this::quality).orElse(List.of());
        if (!failed && schema.isEmpty() && quality.isEmpty()) {
            problem(node, PATH + ": declares neither a schema nor quality rules (write at least one)");
        }
        return failed ? Optional.empty() : Optional.of(new Contract(schema, quality));
    }

    private Optional<SchemaContract> schema(YamlNode node) {
        String path = PATH + ".schema";
        Optional<YamlNode.Mapping> mapping = mapping(path, node, "a mapping with compatibility and columns");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> entries = mapping.get().entries();
        rejectUnknownKeys(path, entries, List.of("compatibility", "columns"));
        Compatibility compatibility = value(path, entries, "compatibility").flatMap(v -> compatibility(path + ".compatibility", v))
                .orElse(Compatibility.BACKWARD);
        if (!entries.containsKey("columns")) {
            problem(node, path + ": 'columns' is required (a mapping of column name to type, such as o_orderkey: bigint not null)");
            return Optional.empty();
        }
        return value(path, entries, "columns").flatMap(v -> columns(path + ".columns", v))
                .filter(columns -> !columns.isEmpty()).map(columns -> new SchemaContract(compatibility, columns));
    }

    private Optional<Compatibility> compatibility(String path, YamlNode node) {
        return text(path, node).flatMap(text -> {
            for (Compatibility mode : Compatibility.values()) {
                if (mode.yamlName().equals(text)) {
                    return Optional.of(mode);
                }
            }
            problem(node, path + ": unknown mode '" + text + "' (use backward, forward or full)");
            return Optional.empty();
        });
    }

    private Optional<List<ContractColumn>> columns(String path, YamlNode node) {
        Optional<YamlNode.Mapping> mapping = mapping(path, node, "a mapping of column name to type, such as o_orderkey: bigint not null");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        if (mapping.get().entries().isEmpty()) {
            problem(node, path + ": must declare at least one column");
            return Optional.empty();
        }
        List<ContractColumn> columns = new ArrayList<>();
        mapping.get().entries().forEach((name, typeNode) -> text(path + "." + name, typeNode).ifPresent(text -> {
            try {
                columns.add(ColumnTypes.parseColumn(name, text));
            } catch (IllegalArgumentException e) {
                problem(typeNode, path + "." + name + ": " + e.getMessage());
            }
        }));
        return Optional.of(columns);
    }

    private List<QualityRule> quality(YamlNode node) {
        String path = PATH + ".quality";
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problem(node, path + ": must be a list of rules, such as - not_null: [o_orderkey], not " + describe(node));
            return List.of();
        }
        List<QualityRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String itemPath = path + "[" + i + "]";
            for (QualityRule rule : rule(itemPath, item)) {
                if (names.add(rule.name())) {
                    rules.add(rule);
                } else {
                    problem(item, itemPath + ": " + rule.name() + " is declared twice (write each rule once)");
                }
            }
        }
        return rules;
    }

    /** The rules of one list item: one, or one per column for not_null and unique. */
    private List<QualityRule> rule(String path, YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1) {
            problem(node, path + ": must be one rule, such as not_null: [o_orderkey] (rules: " + String.join(", ", RULES) + ")");
            return List.of();
        }
        Map.Entry<String, YamlNode> entry = mapping.entries().entrySet().iterator().next();
        String kind = entry.getKey();
        String rulePath = path + "." + kind;
        YamlNode value = entry.getValue();
        return switch (kind) {
            case "not_null" -> columnList(rulePath, value).stream().<QualityRule>map(QualityRule.NotNull::new).toList();
            case "unique" -> unique(rulePath, value);
            case "accepted_values" -> acceptedValues(rulePath, value).stream().toList();
            case "range" -> range(rulePath, value).stream().toList();
            case "row_count" -> rowCount(rulePath, value).stream().toList();
            case "freshness" -> freshness(rulePath, value).stream().toList();
            default -> {
                problem(value, path + ": unknown rule '" + kind + "' (rules: " + String.join(", ", RULES) + ")");
                yield List.of();
            }
        };
    }

    private List<String> columnList(String path, YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problem(node, path + ": must be a non-empty list of columns, such as [o_orderkey], not " + describe(node));
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Optional<String> column = text(path + "[" + i + "]", item);
            if (column.isPresent() && columns.contains(column.get())) {
                problem(item, path + ": column '" + column.get() + "' is listed twice");
            } else {
                column.ifPresent(columns::add);
            }
        }
        return columns;
    }

    /** {@code [a, b]}: each column unique on its own; an item that is itself a list is a key of several columns. */
    private List<QualityRule> unique(String path, YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problem(node, path + ": must be a non-empty list of columns ([o_orderkey]) or of column lists ([[l_orderkey, l_linenumber]]), not "
                    + describe(node));
            return List.of();
        }
        List<QualityRule> rules = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String itemPath = path + "[" + i + "]";
            if (item instanceof YamlNode.Sequence) {
                List<String> key = columnList(itemPath, item);
                if (!key.isEmpty()) {
                    rules.add(new QualityRule.Unique(key));
                }
            } else {
                text(itemPath, item).ifPresent(column -> rules.add(new QualityRule.Unique(List.of(column))));
            }
        }
        return rules;
    }

    private Optional<QualityRule> acceptedValues(String path, YamlNode node) {
        Optional<YamlNode.Mapping> mapping = mapping(path, node, "a mapping with column and values");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> entries = mapping.get().entries();
        rejectUnknownKeys(path, entries, List.of("column", "values"));
        Optional<String> column = required(path, node, entries, "column", "the column whose values are checked");
        Optional<YamlNode> valuesNode = value(path, entries, "values");
        if (!entries.containsKey("values")) {
            problem(node, path + ": 'values' is required (the list of accepted values)");
        }
        Optional<List<String>> values = valuesNode.flatMap(v -> values(path + ".values", v));
        if (column.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QualityRule.AcceptedValues(column.get(), values.get()));
    }

    private Optional<List<String>> values(String path, YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problem(node, path + ": must be a non-empty list of values, such as [F, O, P], not " + describe(node));
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Optional<String> value = literal(path + "[" + i + "]", item);
            if (value.isPresent() && values.contains(value.get())) {
                problem(item, path + ": '" + value.get() + "' is listed twice");
            } else {
                value.ifPresent(values::add);
            }
        }
        return Optional.of(values);
    }

    private Optional<QualityRule> range(String path, YamlNode node) {
        Optional<YamlNode.Mapping> mapping = mapping(path, node, "a mapping with column, min and max");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> entries = mapping.get().entries();
        rejectUnknownKeys(path, entries, List.of("column", "min", "max"));
        Optional<String> column = required(path, node, entries, "column", "the column whose values are checked");
        Optional<YamlNode> minNode = value(path, entries, "min");
        Optional<YamlNode> maxNode = value(path, entries, "max");
        Optional<String> min = minNode.flatMap(v -> literal(path + ".min", v));
        Optional<String> max = maxNode.flatMap(v -> literal(path + ".max", v));
        if (!entries.containsKey("min") && !entries.containsKey("max")) {
            problem(node, path + ": give min, max or both");
            return Optional.empty();
        }
        if (isNumber(minNode) && isNumber(maxNode) && min.isPresent() && max.isPresent()
                && new BigDecimal(min.get()).compareTo(new BigDecimal(max.get())) > 0) {
            problem(node, path + ": min " + min.get() + " is above max " + max.get());
            return Optional.empty();
        }
        if (column.isEmpty() || (minNode.isPresent() && min.isEmpty()) || (maxNode.isPresent() && max.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new QualityRule.Range(column.get(), min, max));
    }

    private Optional<QualityRule> rowCount(String path, YamlNode node) {
        Optional<YamlNode.Mapping> mapping = mapping(path, node, "a mapping with min, max or both");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> entries = mapping.get().entries();
        rejectUnknownKeys(path, entries, List.of("min", "max"));
        OptionalLong min = count(path + ".min", value(path, entries, "min"));
        OptionalLong max = count(path + ".max", value(path, entries, "max"));
        if (!entries.containsKey("min") && !entries.containsKey("max")) {
            problem(node, path + ": give min, max or both");
            return Optional.empty();
        }
        if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
            problem(node, path + ": min " + min.getAsLong() + " is above max " + max.getAsLong());
            return Optional.empty();
        }
        if ((entries.containsKey("min") && min.isEmpty()) || (entries.containsKey("max") && max.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new QualityRule.RowCount(min, max));
    }

    private OptionalLong count(String path, Optional<YamlNode> node) {
        if (node.isEmpty()) {
            return OptionalLong.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.INTEGER) {
            try {
                long value = Long.parseLong(scalar.text());
                if (value >= 0) {
                    return OptionalLong.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(node.get(), path + ": must be a whole number of rows, 0 or more, not " + describe(node.get()));
        return OptionalLong.empty();
    }

    private Optional<QualityRule> freshness(String path, YamlNode node) {
        Optional<YamlNode.Mapping> mapping = mapping(path, node, "a mapping with max_age, such as {max_age: 6h}");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> entries = mapping.get().entries();
        rejectUnknownKeys(path, entries, List.of("max_age"));
        if (!entries.containsKey("max_age")) {
            problem(node, path + ": 'max_age' is required (the oldest the current snapshot may be, such as 6h)");
            return Optional.empty();
        }
        return value(path, entries, "max_age").flatMap(v -> duration(path + ".max_age", v)).map(QualityRule.Freshness::new);
    }

    private Optional<Duration> duration(String path, YamlNode node) {
        return text(path, node).flatMap(text -> {
            Matcher matcher = DURATION.matcher(text.trim());
            if (matcher.matches() && Long.parseLong(matcher.group(1)) > 0) {
                ChronoUnit unit = switch (matcher.group(2)) {
                    case "ms" -> ChronoUnit.MILLIS;
                    case "s" -> ChronoUnit.SECONDS;
                    case "m" -> ChronoUnit.MINUTES;
                    case "h" -> ChronoUnit.HOURS;
                    default -> ChronoUnit.DAYS;
                };
                return Optional.of(unit.getDuration().multipliedBy(Long.parseLong(matcher.group(1))));
            }
            problem(node, path + ": must be a positive duration such as 90s, 30m, 6h or 2d, not '" + text + "'");
            return Optional.empty();
        });
    }

    private Optional<String> required(String path, YamlNode node, Map<String, YamlNode> entries, String key, String what) {
        if (!entries.containsKey(key)) {
            problem(node, path + ": '" + key + "' is required (" + what + ")");
            return Optional.empty();
        }
        return value(path, entries, key).flatMap(v -> text(path + "." + key, v));
    }

    /** A key's value; empty when it is absent, and a problem when it is written without a value. */
    private Optional<YamlNode> value(String path, Map<String, YamlNode> entries, String key) {
        YamlNode node = entries.get(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            problem(node, path + "." + key + ": must have a value (or leave the key out)");
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    private Optional<YamlNode.Mapping> mapping(String path, YamlNode node, String expected) {
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(mapping);
        }
        problem(node, path + ": must be " + expected + ", not " + describe(node));
        return Optional.empty();
    }

    /** A non-blank plain value, such as a name or a type. */
    private Optional<String> text(String path, YamlNode node) {
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            problem(node, path + ": must be a plain value, not " + describe(node));
            return Optional.empty();
        }
        if (scalar.text().isBlank()) {
            problem(node, path + ": must not be blank");
            return Optional.empty();
        }
        return Optional.of(scalar.text());
    }

    /** A value compared with a column: text, a number or a boolean, as written. */
    private Optional<String> literal(String path, YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.text());
        }
        problem(node, path + ": must be a plain value (text, a number, true or false), not " + describe(node));
        return Optional.empty();
    }

    private static boolean isNumber(Optional<YamlNode> node) {
        return node.isPresent() && node.get() instanceof YamlNode.Scalar scalar
                && (scalar.kind() == YamlNode.Scalar.Kind.INTEGER || scalar.kind() == YamlNode.Scalar.Kind.DECIMAL);
    }

    private void rejectUnknownKeys(String path, Map<String, YamlNode> entries, List<String> known) {
        entries.forEach((key, node) -> {
            if (!known.contains(key)) {
                problem(node, path + "." + key + ": unknown key (known keys here: " + String.join(", ", known) + ")");
            }
        });
    }

    private void problem(YamlNode node, String message) {
        failed = true;
        problems.add(new ContractProblem(file, node.line(), message));
    }

    private static String describe(YamlNode node) {
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
