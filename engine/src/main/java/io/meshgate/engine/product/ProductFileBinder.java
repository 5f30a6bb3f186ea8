package io.meshgate.engine.product;

import io.meshgate.yaml.YamlNode;
import io.meshgate.yaml.YamlReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Binds the text of product files to {@link ProductEntry}s, collecting every problem with its file
 * and line. A file is a mapping with one key, {@code products}, a list of entries; an entry has a
 * {@code name} ({@code domain.schema.table}) and any of {@code owner}, {@code contact},
 * {@code description}, {@code sla: {freshness: ...}}, {@code version}, {@code status},
 * {@code sunset}, {@code access} and {@code contract} (kept as written). A product is described
 * once across all files.
 */
final class ProductFileBinder {
    private static final Set<String> ENTRY_KEYS = Set.of("name", "owner", "contact", "description", "sla", "version", "status", "sunset",
            "access", "contract");
    private static final Set<String> SLA_KEYS = Set.of("freshness");

    private final List<ProductProblem> problems;
    private final Map<String, ProductEntry> entries = new LinkedHashMap<>();

    ProductFileBinder(List<ProductProblem> problems) {
        this.problems = problems;
    }

    Map<String, ProductEntry> entries() {
        return entries;
    }

    void bind(String file, String text) {
        Optional<YamlNode> root = YamlReader.read(text, problem -> problems.add(new ProductProblem(file, problem.line(),
                problem.path().isEmpty() ? problem.message() : problem.path() + ": " + problem.message() + " (write each key once per mapping)")));
        if (root.isEmpty() || root.get() instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return;
        }
        if (!(root.get() instanceof YamlNode.Mapping mapping)) {
            problem(file, root.get(), "a product file must be a mapping with the key products (a list of products)");
            return;
        }
        mapping.entries().forEach((key, node) -> {
            if (!key.equals("products")) {
                problem(file, node, key + ": unknown key (a product file has one key, products)");
            }
        });
        YamlNode products = mapping.entries().get("products");
        if (products == null) {
            problems.add(new ProductProblem(file, mapping.line(), "products: required (a list of products, each with a name)"));
        } else if (products instanceof YamlNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                entry(file, "products[" + i + "]", sequence.items().get(i));
            }
        } else if (!(products instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            problem(file, products, "products: must be a list of products, not " + describe(products));
        }
    }

    private void entry(String file, String path, YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problem(file, node, path + ": must be a mapping with a name and the product's fields, not " + describe(node));
            return;
        }
        Map<String, YamlNode> keys = mapping.entries();
        keys.forEach((key, value) -> {
            if (!ENTRY_KEYS.contains(key)) {
                problem(file, value, path + "." + key + ": unknown key (known: name, owner, contact, description, sla, version, status, sunset,"
                        + " access, contract)");
            }
        });
        Optional<String> name = text(file, path, keys, "name").flatMap(n -> productName(file, path, keys.get("name"), n));
        if (!keys.containsKey("name")) {
            problems.add(new ProductProblem(file, mapping.line(), path + ": name is required (the product's table, domain.schema.table)"));
        }
        ProductFields fields = ProductFields.NONE;
        fields = set(fields, text(file, path, keys, "owner"), ProductFields::withOwner);
        fields = set(fields, text(file, path, keys, "contact"), ProductFields::withContact);
        fields = set(fields, text(file, path, keys, "description"), ProductFields::withDescription);
        fields = set(fields, text(file, path, keys, "version"), ProductFields::withVersion);
        fields = set(fields, read(file, path, keys, "status", ProductProperties::status), ProductFields::withStatus);
        fields = set(fields, read(file, path, keys, "sunset", ProductProperties::date), ProductFields::withSunset);
        fields = set(fields, text(file, path, keys, "access"), ProductFields::withAccess);
        fields = set(fields, sla(file, path, keys), ProductFields::withFreshnessSla);
        Optional<YamlNode> contract = Optional.ofNullable(keys.get("contract"));
        contract.filter(c -> c instanceof YamlNode.Scalar scalar && scalar.isNull())
                .ifPresent(c -> problem(file, c, path + ".contract: must have a value (or leave the key out)"));
        if (name.isPresent()) {
            ProductEntry entry = new ProductEntry(name.get(), fields, contract, file, mapping.line());
            ProductEntry earlier = entries.putIfAbsent(name.get(), entry);
            if (earlier != null) {
                problems.add(new ProductProblem(file, mapping.line(), path + ": product " + name.get() + " is already described at "
                        + earlier.origin() + " (describe each product once)"));
            }
        }
    }

    private Optional<Duration> sla(String file, String path, Map<String, YamlNode> keys) {
        YamlNode node = keys.get("sla");
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof YamlNode.Mapping sla)) {
            problem(file, node, path + ".sla: must be a mapping such as {freshness: 6h}, not " + describe(node));
            return Optional.empty();
        }
        sla.entries().forEach((key, value) -> {
            if (!SLA_KEYS.contains(key)) {
                problem(file, value, path + ".sla." + key + ": unknown key (known: freshness)");
            }
        });
        return read(file, path + ".sla", sla.entries(), "freshness", Durations::parse);
    }

    /** {@code domain.schema.table}: at least three non-empty parts (a schema may hold dots). */
    private Optional<String> productName(String file, String path, YamlNode node, String name) {
        String[] parts = name.split("\\.", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                parts = new String[0];
                break;
            }
        }
        if (parts.length < 3) {
            problem(file, node, path + ".name: '" + name + "' is not a table's full name (write domain.schema.table)");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private <T> Optional<T> read(String file, String path, Map<String, YamlNode> keys, String key, Function<String, T> parse) {
        return text(file, path, keys, key).flatMap(text -> {
            try {
                return Optional.of(parse.apply(text));
            } catch (IllegalArgumentException e) {
                problem(file, keys.get(key), path + "." + key + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A non-blank plain value, or empty (after reporting what is wrong with it, when it is written). */
    private Optional<String> text(String file, String path, Map<String, YamlNode> keys, String key) {
        YamlNode node = keys.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            problem(file, node, path + "." + key + (node instanceof YamlNode.Scalar
                    ? ": must have a value (or leave the key out)" : ": must be a plain value, not " + describe(node)));
            return Optional.empty();
        }
        if (scalar.text().isBlank()) {
            problem(file, node, path + "." + key + ": must not be blank");
            return Optional.empty();
        }
        return Optional.of(scalar.text().strip());
    }

    private static <T> ProductFields set(ProductFields fields, Optional<T> value, BiFunction<ProductFields, T, ProductFields> with) {
        return value.map(v -> with.apply(fields, v)).orElse(fields);
    }

    private void problem(String file, YamlNode node, String message) {
        problems.add(new ProductProblem(file, node.line(), message));
    }

    private static String describe(YamlNode node) {
        if (node instanceof YamlNode.Mapping) {
            return "a mapping";
        }
        if (node instanceof YamlNode.Sequence) {
            return "a list";
        }
        return "a plain value";
    }
}
