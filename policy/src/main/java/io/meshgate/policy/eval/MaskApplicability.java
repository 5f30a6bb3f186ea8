package io.meshgate.policy.eval;

import static io.meshgate.policy.eval.ColumnKind.BOOLEAN;
import static io.meshgate.policy.eval.ColumnKind.DATE;
import static io.meshgate.policy.eval.ColumnKind.NESTED;
import static io.meshgate.policy.eval.ColumnKind.NUMERIC;
import static io.meshgate.policy.eval.ColumnKind.STRING;
import static io.meshgate.policy.eval.ColumnKind.TIMESTAMP;

import io.meshgate.policy.model.Mask;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a mask can be applied to a column (R8): the kinds each function applies to, the
 * arguments it needs, and for CUSTOM whether its expression binds. SHOW_LAST_N, SHOW_FIRST_N,
 * EMAIL_DOMAIN and HASH apply to strings; DATE_YEAR_ONLY to dates and timestamps; ROUND_TO to
 * numbers; REDACT to strings, numbers, dates, timestamps and booleans; CONSTANT to every kind but
 * nested; NULLIFY and CUSTOM to every kind.
 */
final class MaskApplicability {
    private static final Set<ColumnKind> ALL = EnumSet.allOf(ColumnKind.class);

    private MaskApplicability() {
    }

    /** Why {@code mask} cannot be applied to {@code column}, or empty when it can. */
    static Optional<String> problem(Mask mask, ColumnDescriptor column, Set<String> declaredAttributes, ExpressionBinder binder) {
        Set<ColumnKind> kinds = switch (mask.function()) {
            case SHOW_LAST_N, SHOW_FIRST_N, EMAIL_DOMAIN, HASH -> EnumSet.of(STRING);
            case DATE_YEAR_ONLY -> EnumSet.of(DATE, TIMESTAMP);
            case ROUND_TO -> EnumSet.of(NUMERIC);
            case REDACT -> EnumSet.of(STRING, NUMERIC, DATE, TIMESTAMP, BOOLEAN);
            case CONSTANT -> EnumSet.complementOf(EnumSet.of(NESTED));
            case NONE, NULLIFY, CUSTOM -> ALL;
        };
        if (!kinds.contains(column.kind())) {
            return Optional.of(mask.function() + " does not apply to " + column.kind() + " column '" + column.name() + "'");
        }
        return switch (mask.function()) {
            case SHOW_LAST_N, SHOW_FIRST_N -> mask.n().isPresent() && mask.n().getAsInt() >= 0
                    ? Optional.empty()
                    : Optional.of(mask.function() + " needs a character count of zero or more");
            case ROUND_TO -> mask.n().isPresent() ? Optional.empty() : Optional.of("ROUND_TO needs a number of decimal places");
            case CONSTANT -> mask.text().isPresent() ? Optional.empty() : Optional.of("CONSTANT needs a value");
            case CUSTOM -> mask.text()
                    .map(expression -> PolicyExpressions.customMaskProblem(expression, column, declaredAttributes, binder))
                    .orElse(Optional.of("CUSTOM needs an expression"));
            default -> Optional.empty();
        };
    }
}
