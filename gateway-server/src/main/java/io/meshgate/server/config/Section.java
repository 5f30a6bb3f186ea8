package io.meshgate.server.config;

import io.meshgate.yaml.YamlNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the configuration being bound, at a key path. Reading a key marks it known; a
 * scalar key is overridden by its environment variable (see {@link #environmentName}); every
 * problem is added to the shared error list and binding goes on, so all errors surface together.
 */
final class Section {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Duration MAX_DURATION = Duration.ofDays(1000);

    private final String fileName;
    private final String path;
    private final int line;
    private final Map<String, YamlNode> entries;
    private final Map<String, String> environment;
    private final List<ConfigError> errors;
    private final Set<String> readKeys = new HashSet<>();

    Section(String fileName, String path, int line, Map<String, YamlNode> entries,
            Map<String, String> environment, List<ConfigError> errors) {
        this.fileName = fileName;
        this.path = path;
        this.line = line;
        this.entries = entries;
        this.environment = environment;
        this.errors = errors;
    }

    /**
     * The environment variable that overrides a key: {@code MESHGATE_} and the key path in upper
     * case, every run of characters other than letters and digits (dots, dashes, brackets) turned
     * into one underscore: {@code server.port} is {@code MESHGATE_SERVER_PORT},
     * {@code domains[0].catalog.catalog-name} is {@code MESHGATE_DOMAINS_0_CATALOG_CATALOG_NAME}.
     */
    static String environmentName(String keyPath) {
        String name = keyPath.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        if (name.endsWith("_")) {
            name = name.substring(0, name.length() - 1);
        }
        return "MESHGATE_" + name;
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(String key, String message) {
        errors.add(new ConfigError(source(key), keyPath(key), message));
    }

    void errorHere(String message) {
        errors.add(new ConfigError(fileName + ":" + line, path, message));
    }

    boolean has(String key) {
        return entries.containsKey(key) || environment.containsKey(environmentName(keyPath(key)));
    }

    Optional<String> string(String key) {
        return scalar(key).map(Value::text);
    }

    String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    /** The value, or "" after recording "required" when the key is absent. */
    String requiredString(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            if (!entries.containsKey(key)) {
                errors.add(new ConfigError(fileName + ":" + line, keyPath(key), "required"));
            }
            return "";
        }
        return value.get();
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<Value> value = scalar(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Value v = value.get();
        if (v.kind() != YamlNode.Scalar.Kind.INTEGER && !(v.fromEnvironment() && v.text().matches("-?\\d+"))) {
            errors.add(new ConfigError(v.source(), keyPath(key), "must be an integer, got '" + v.text() + "'"));
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.text());
        } catch (NumberFormatException e) {
            parsed = Long.MAX_VALUE;
        }
        if (parsed < min || parsed > max) {
            errors.add(new ConfigError(v.source(), keyPath(key), "must be between " + min + " and " + max + ", got " + v.text()));
            return defaultValue;
        }
        return (int) parsed;
    }

    /**
     * A duration written as a whole number and a unit: {@code 500ms}, {@code 30s}, {@code 5m},
     * {@code 2h}, {@code 1d}; it must be positive.
     */
    Duration duration(String key, Duration defaultValue) {
        Optional<Value> value = scalar(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Value v = value.get();
        Matcher matcher = DURATION.matcher(v.text().trim());
        if (!matcher.matches()) {
            errors.add(new ConfigError(v.source(), keyPath(key), "must be a duration such as 30s, 5m, 2h or 1d, got '" + v.text() + "'"));
            return defaultValue;
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            amount = -1;
        }
        ChronoUnit unit = switch (matcher.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        if (amount <= 0 || amount > MAX_DURATION.dividedBy(unit.getDuration())) {
            errors.add(new ConfigError(v.source(), keyPath(key), "must be more than 0 and at most 1000d, got '" + v.text() + "'"));
            return defaultValue;
        }
        return unit.getDuration().multipliedBy(amount);
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<Value> value = scalar(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Value v = value.get();
        boolean ok = v.kind() == YamlNode.Scalar.Kind.BOOLEAN
                || (v.fromEnvironment() && (v.text().equalsIgnoreCase("true") || v.text().equalsIgnoreCase("false")));
        if (!ok) {
            errors.add(new ConfigError(v.source(), keyPath(key), "must be true or false, got '" + v.text() + "'"));
            return defaultValue;
        }
        return Boolean.parseBoolean(v.text().toLowerCase(Locale.ROOT));
    }

    Optional<Section> section(String key) {
        readKeys.add(key);
        YamlNode node = entries.get(key);
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(new Section(fileName, keyPath(key), node.line(), mapping.entries(), environment, errors));
        }
        errors.add(new ConfigError(fileName + ":" + node.line(), keyPath(key), "must be a mapping (key: value)"));
        return Optional.empty();
    }

    /** A section that is absent reads as empty, so every key in it takes its default. */
    Section sectionOrEmpty(String key) {
        return section(key).orElseGet(() -> new Section(fileName, keyPath(key), line, Map.of(), environment, errors));
    }

    /** The list under {@code key}; empty when absent or null, and an error when it is not a list. */
    private Optional<YamlNode.Sequence> sequence(String key) {
        readKeys.add(key);
        YamlNode node = entries.get(key);
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            errors.add(new ConfigError(fileName + ":" + node.line(), keyPath(key), "must be a list"));
            return Optional.empty();
        }
        return Optional.of(sequence);
    }

    /** The mappings of a list; empty when the key is absent. */
    List<Section> sections(String key) {
        Optional<YamlNode.Sequence> found = sequence(key);
        if (found.isEmpty()) {
            return List.of();
        }
        YamlNode.Sequence sequence = found.get();
        List<Section> result = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String itemPath = keyPath(key) + "[" + i + "]";
            if (item instanceof YamlNode.Mapping mapping) {
                result.add(new Section(fileName, itemPath, item.line(), mapping.entries(), environment, errors));
            } else {
                errors.add(new ConfigError(fileName + ":" + item.line(), itemPath, "must be a mapping (key: value)"));
            }
        }
        return result;
    }

    /** The strings of a list of scalars; empty when the key is absent. */
    List<String> strings(String key) {
        Optional<YamlNode.Sequence> found = sequence(key);
        if (found.isEmpty()) {
            return List.of();
        }
        YamlNode.Sequence sequence = found.get();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            if (item instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.Scalar.Kind.NULL) {
                result.add(scalar.text());
            } else {
                errors.add(new ConfigError(fileName + ":" + item.line(), keyPath(key) + "[" + i + "]", "must be a plain value"));
            }
        }
        return result;
    }

    /** Reports every key of this mapping that was never read. Call after binding it. */
    void rejectUnknownKeys() {
        Set<String> known = new TreeSet<>(readKeys);
        entries.forEach((key, node) -> {
            if (!readKeys.contains(key)) {
                errors.add(new ConfigError(fileName + ":" + node.line(), keyPath(key),
                        "unknown key (known keys here: " + String.join(", ", known) + ")"));
            }
        });
    }

    private Optional<Value> scalar(String key) {
        readKeys.add(key);
        String environmentName = environmentName(keyPath(key));
        String fromEnvironment = environment.get(environmentName);
        if (fromEnvironment != null) {
            return Optional.of(new Value(fromEnvironment, YamlNode.Scalar.Kind.STRING, "env " + environmentName, true));
        }
        YamlNode node = entries.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar scalar) {
            if (scalar.kind() == YamlNode.Scalar.Kind.NULL) {
                errors.add(new ConfigError(fileName + ":" + node.line(), keyPath(key), "must have a value"));
                return Optional.empty();
            }
            return Optional.of(new Value(scalar.text(), scalar.kind(), fileName + ":" + node.line(), false));
        }
        errors.add(new ConfigError(fileName + ":" + node.line(), keyPath(key), "must be a plain value, not a "
                + (node instanceof YamlNode.Mapping ? "mapping" : "list")));
        return Optional.empty();
    }

    private String source(String key) {
        YamlNode node = entries.get(key);
        return fileName + ":" + (node == null ? line : node.line());
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.NULL;
    }

    private record Value(String text, YamlNode.Scalar.Kind kind, String source, boolean fromEnvironment) {
    }
}
