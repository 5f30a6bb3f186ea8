package io.meshgate.policy.load;

import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a mask: {@code {fn: F}} with {@code n} for SHOW_LAST_N, SHOW_FIRST_N and ROUND_TO,
 * {@code value} (a SQL literal) for CONSTANT, {@code expression} (SQL) and {@code strength}
 * (1 to 4) for CUSTOM.
 */
final class MaskBinder {
    private static final Set<MaskFunction> WITH_N = EnumSet.of(MaskFunction.SHOW_LAST_N, MaskFunction.SHOW_FIRST_N, MaskFunction.ROUND_TO);
    private static final String FUNCTIONS = Arrays.stream(MaskFunction.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final SqlTexts sql;

    MaskBinder(SqlTexts sql) {
        this.sql = sql;
    }

    /** The mask under {@code key} of {@code parent}; empty after reporting its problems. */
    Optional<Mask> bind(Fields parent, String key) {
        Optional<Fields> found = parent.mapping(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields mask = found.get();
        Optional<MaskFunction> function = mask.requiredString("fn").flatMap(name -> function(mask, name));
        OptionalInt n = mask.integer("n");
        Optional<String> value = mask.string("value");
        Optional<String> expression = mask.string("expression");
        OptionalInt strength = mask.integer("strength");
        mask.rejectUnknownKeys();
        if (function.isEmpty()) {
            return Optional.empty();
        }
        MaskFunction fn = function.get();
        boolean ok = applicable(mask, "n", WITH_N.contains(fn), "SHOW_LAST_N, SHOW_FIRST_N and ROUND_TO")
                & applicable(mask, "value", fn == MaskFunction.CONSTANT, "CONSTANT")
                & applicable(mask, "expression", fn == MaskFunction.CUSTOM, "CUSTOM")
                & applicable(mask, "strength", fn == MaskFunction.CUSTOM, "CUSTOM");
        if (!ok) {
            return Optional.empty();
        }
        return switch (fn) {
            case SHOW_LAST_N, SHOW_FIRST_N, ROUND_TO -> withN(mask, fn, n);
            case CONSTANT -> constant(mask, value);
            case CUSTOM -> custom(mask, expression, strength);
            default -> Optional.of(Mask.of(fn));
        };
    }

    private static Optional<MaskFunction> function(Fields mask, String name) {
        try {
            return Optional.of(MaskFunction.valueOf(name));
        } catch (IllegalArgumentException e) {
            mask.problem("fn", Rules.INVALID_VALUE, "unknown mask function '" + name + "' (use one of " + FUNCTIONS + ")");
            return Optional.empty();
        }
    }

    private static boolean applicable(Fields mask, String key, boolean applies, String functions) {
        if (mask.has(key) && !applies) {
            mask.problem(key, Rules.NOT_APPLICABLE, key + " applies to " + functions + " only");
            return false;
        }
        return true;
    }

    private static Optional<Mask> withN(Fields mask, MaskFunction fn, OptionalInt n) {
        if (!mask.require("n", fn == MaskFunction.ROUND_TO ? "the decimal places to keep" : "the number of characters to show")
                || n.isEmpty()) {
            return Optional.empty();
        }
        if (fn != MaskFunction.ROUND_TO && n.getAsInt() < 1) {
            mask.problem("n", Rules.INVALID_VALUE, fn + " shows at least 1 character, got " + n.getAsInt());
            return Optional.empty();
        }
        return Optional.of(Mask.withN(fn, n.getAsInt()));
    }

    private Optional<Mask> constant(Fields mask, Optional<String> value) {
        if (!mask.require("value", "a SQL literal, such as \"'n/a'\" or 0") || value.isEmpty()) {
            return Optional.empty();
        }
        return sql.check(mask, "value", value.get(), ExpressionChecker.Use.CONSTANT) ? Optional.of(Mask.constant(value.get())) : Optional.empty();
    }

    private Optional<Mask> custom(Fields mask, Optional<String> expression, OptionalInt strength) {
        boolean ok = mask.require("expression", "SQL over the table's raw columns")
                & mask.require("strength", "1 to " + MaskFunction.MAX_STRENGTH + ", as strong as the masks of POLICY.md R6 it stands with");
        if (strength.isPresent() && (strength.getAsInt() < 1 || strength.getAsInt() > MaskFunction.MAX_STRENGTH)) {
            mask.problem("strength", Rules.INVALID_VALUE, "must be 1 to " + MaskFunction.MAX_STRENGTH + ", got " + strength.getAsInt());
            ok = false;
        }
        if (expression.isPresent()) {
            ok &= sql.check(mask, "expression", expression.get(), ExpressionChecker.Use.MASK_EXPRESSION);
        }
        return ok && expression.isPresent() && strength.isPresent()
                ? Optional.of(Mask.custom(expression.get(), strength.getAsInt())) : Optional.empty();
    }
}
