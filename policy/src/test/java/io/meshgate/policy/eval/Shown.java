package io.meshgate.policy.eval;

import static org.junit.jupiter.api.Assertions.fail;

import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.Mask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a principal would see of {@link Orders#ROWS} under a decision, computed the way the engine's
 * barrier does (R4, R5, R6). Predicates are interpreted by a tiny test interpreter that knows only
 * {@code column = 'literal'}, {@code column <> 'literal'} and {@code column = :principal.attribute};
 * anything else fails the test. Masks are shown symbolically except SHOW_LAST_N.
 */
final class Shown {
    private static final Pattern COMPARISON = Pattern.compile("(\\w+) (=|<>) (?:'([^']*)'|:principal\\.(\\w+))");

    private Shown() {
    }

    /** The visible rows, each with the shown value of every visible column in column order (null = NULL). */
    static List<List<Object>> rows(AccessDecision decision, ResolvedPrincipal principal) {
        List<List<Object>> shown = new ArrayList<>();
        for (List<Object> row : admitted(decision, principal)) {
            List<Object> values = new ArrayList<>();
            for (ColumnAccess column : decision.columns()) {
                values.add(cell(column, row, principal));
            }
            shown.add(values);
        }
        return shown;
    }

    /** The ids of the rows the decision's row rule admits. */
    static List<Object> ids(AccessDecision decision, ResolvedPrincipal principal) {
        return admitted(decision, principal).stream().map(row -> row.get(0)).toList();
    }

    private static List<List<Object>> admitted(AccessDecision decision, ResolvedPrincipal principal) {
        RowRule rule = decision.rows();
        return Orders.ROWS.stream()
                .filter(row -> rule.anyOf().isEmpty() || rule.anyOf().stream().anyMatch(p -> holds(p, row, principal)))
                .filter(row -> rule.allOf().stream().allMatch(p -> holds(p, row, principal)))
                .toList();
    }

    private static Object cell(ColumnAccess column, List<Object> row, ResolvedPrincipal principal) {
        Object raw = row.get(Orders.TABLE.columns().indexOf(column.column()));
        for (CellCase cellCase : column.cases()) {
            if (cellCase.when().map(p -> holds(p, row, principal)).orElse(true)) {
                return masked(cellCase.mask(), raw);
            }
        }
        return null;
    }

    private static Object masked(Mask mask, Object raw) {
        return switch (mask.function()) {
            case NONE -> raw;
            case SHOW_LAST_N -> {
                String text = raw.toString();
                int keep = Math.min(mask.n().getAsInt(), text.length());
                yield "*".repeat(text.length() - keep) + text.substring(text.length() - keep);
            }
            default -> mask.function() + "(" + raw + ")";
        };
    }

    private static boolean holds(String predicate, List<Object> row, ResolvedPrincipal principal) {
        Matcher matcher = COMPARISON.matcher(predicate);
        if (!matcher.matches()) {
            fail("The test interpreter cannot evaluate: " + predicate);
        }
        int index = Orders.TABLE.columns().stream().map(ColumnDescriptor::name).toList().indexOf(matcher.group(1));
        Object left = row.get(index);
        Object right = matcher.group(3) != null
                ? matcher.group(3)
                : principal.attribute(matcher.group(4)).map(AttributeValue::value).orElse(null);
        if (left == null || right == null) {
            return false;
        }
        return matcher.group(2).equals("=") == Objects.equals(left, right);
    }
}
