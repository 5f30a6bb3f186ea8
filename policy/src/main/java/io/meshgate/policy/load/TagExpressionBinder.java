package io.meshgate.policy.load;

import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagExpression.Condition.Comparison;
import io.meshgate.policy.model.TagKey;
import io.meshgate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a tag expression: {@code {all: [expr...]}}, {@code {any: [expr...]}}, or a condition
 * {@code {key: k, in: [v...]}}, {@code {key: k, at_most: v}}, {@code {key: k, at_least: v}}. Keys
 * and values must be declared; {@code at_most} and {@code at_least} need an ordered key.
 */
final class TagExpressionBinder {
    private static final List<String> FORMS = List.of("all", "any", "key");
    private static final List<String> COMPARISONS = List.of("in", "at_most", "at_least");

    private final Declared declared;

    TagExpressionBinder(Declared declared) {
        this.declared = declared;
    }

    /** The expression under {@code key} of {@code parent}; empty after reporting its problems. */
    Optional<TagExpression> bind(Fields parent, String key) {
        return parent.node(key).flatMap(node -> expression(parent, parent.path(key), node));
    }

    private Optional<TagExpression> expression(Fields context, String path, YamlNode node) {
        Optional<Fields> found = Fields.of(context.file(), path, node, context.problems());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = found.get();
        Optional<String> form = fields.oneOf(Rules.INVALID_EXPRESSION, FORMS);
        Optional<TagExpression> result = Optional.empty();
        if (form.isPresent() && form.get().equals("key")) {
            result = condition(fields);
        } else if (form.isPresent()) {
            Optional<List<TagExpression>> terms = terms(fields, form.get());
            result = terms.map(t -> form.get().equals("all") ? new TagExpression.All(t) : new TagExpression.Any(t));
        }
        fields.rejectUnknownKeys();
        return result;
    }

    private Optional<List<TagExpression>> terms(Fields fields, String form) {
        Optional<YamlNode> node = fields.node(form);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            fields.problem(form, Rules.INVALID_EXPRESSION, "must be a non-empty list of tag expressions");
            return Optional.empty();
        }
        List<TagExpression> terms = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            Optional<TagExpression> term = expression(fields, fields.path(form) + "[" + i + "]", sequence.items().get(i));
            term.ifPresent(terms::add);
            ok &= term.isPresent();
        }
        return ok ? Optional.of(terms) : Optional.empty();
    }

    private Optional<TagExpression> condition(Fields fields) {
        Optional<TagKey> found = fields.string("key").flatMap(key -> declared.tag(fields, "key", key));
        Optional<String> comparison = fields.oneOf(Rules.INVALID_EXPRESSION, COMPARISONS);
        if (comparison.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> values = comparison.get().equals("in")
                ? fields.nonEmptyStrings("in")
                : fields.string(comparison.get()).map(List::of);
        if (found.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        TagKey tag = found.get();
        Comparison kind = Comparison.valueOf(comparison.get().toUpperCase(Locale.ROOT));
        boolean ok = true;
        if (kind != Comparison.IN && !tag.ordered()) {
            fields.problem(comparison.get(), Rules.UNORDERED_TAG, comparison.get() + " needs an ordered tag, and '" + tag.key()
                    + "' is not (declare it with ordered: true, or use in)");
            ok = false;
        }
        for (String value : values.get()) {
            ok &= Declared.allows(fields, comparison.get(), tag, value);
        }
        return ok ? Optional.of(new TagExpression.Condition(tag.key(), kind, Set.copyOf(values.get()))) : Optional.empty();
    }
}
