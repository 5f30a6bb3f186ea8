package io.meshgate.policy.load;

import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.yaml.YamlNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the columns a grant, restriction or mask covers: {@code {match: SAME}}, {@code {all: true}},
 * {@code {include: [..]}}, {@code {exclude: [..]}} or {@code {match: <tag expression>}}; where a
 * mask names its columns, a plain list of names is short for {@code include}.
 */
final class ColumnSelectionBinder {
    private static final List<String> FORMS = List.of("match", "all", "include", "exclude");
    private static final String SAME = "SAME";

    private final TagExpressionBinder expressions;

    ColumnSelectionBinder(TagExpressionBinder expressions) {
        this.expressions = expressions;
    }

    /** The selection under {@code key} of {@code parent}; empty after reporting its problems. */
    Optional<ColumnSelection> bind(Fields parent, String key, boolean plainListAllowed) {
        Optional<YamlNode> node = parent.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (plainListAllowed && node.get() instanceof YamlNode.Sequence) {
            return parent.nonEmptyStrings(key).map(names -> new ColumnSelection.Include(Set.copyOf(names)));
        }
        Optional<Fields> found = Fields.of(parent.file(), parent.path(key), node.get(), parent.problems());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields columns = found.get();
        Optional<ColumnSelection> selection = columns.oneOf(Rules.INVALID_SELECTION, FORMS).flatMap(form -> switch (form) {
            case "match" -> match(columns);
            case "all" -> all(columns);
            case "include" -> columns.nonEmptyStrings("include").map(names -> new ColumnSelection.Include(Set.copyOf(names)));
            default -> columns.nonEmptyStrings("exclude").map(names -> new ColumnSelection.Exclude(Set.copyOf(names)));
        });
        columns.rejectUnknownKeys();
        return selection;
    }

    private Optional<ColumnSelection> match(Fields columns) {
        if (columns.peek("match").filter(YamlNode.Scalar.class::isInstance).isPresent()) {
            return columns.string("match").flatMap(text -> {
                if (text.equals(SAME)) {
                    return Optional.of(new ColumnSelection.Same());
                }
                columns.problem("match", Rules.INVALID_VALUE, "must be SAME or a tag expression, got '" + text + "'");
                return Optional.empty();
            });
        }
        return expressions.bind(columns, "match").map(ColumnSelection.Tagged::new);
    }

    private static Optional<ColumnSelection> all(Fields columns) {
        Optional<Boolean> all = columns.bool("all");
        if (all.isPresent() && !all.get()) {
            columns.problem("all", Rules.INVALID_VALUE, "all: false selects no column (write all: true, or list the columns)");
            return Optional.empty();
        }
        return all.map(a -> new ColumnSelection.AllColumns());
    }
}
