package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One mask: a function and its arguments. {@code n} is the character count of SHOW_LAST_N and
 * SHOW_FIRST_N and the decimal places of ROUND_TO; {@code text} is CONSTANT's value (SQL literal
 * text, such as {@code 'n/a'} or {@code 0}) or CUSTOM's SQL expression over the table's raw
 * columns. Two masks are the same mask iff they are equal records.
 */
public record Mask(MaskFunction function, OptionalInt n, Optional<String> text, int strength) {
    public static final Mask NONE = new Mask(MaskFunction.NONE, OptionalInt.empty(), Optional.empty(), 0);

    public Mask {
        requireNonNull(function, "function is null");
        requireNonNull(n, "n is null");
        requireNonNull(text, "text is null");
        if (strength < 0 || strength > MaskFunction.MAX_STRENGTH) {
            throw new IllegalArgumentException("Cannot create mask " + function + ": strength must be 0 to " + MaskFunction.MAX_STRENGTH);
        }
        OptionalInt fixed = function.fixedStrength();
        if (fixed.isPresent() && fixed.getAsInt() != strength) {
            throw new IllegalArgumentException("Cannot create mask " + function + ": its strength is " + fixed.getAsInt());
        }
    }

    /** A mask with the function's own strength and no arguments. */
    public static Mask of(MaskFunction function) {
        return new Mask(function, OptionalInt.empty(), Optional.empty(), function.fixedStrength().orElseThrow());
    }

    public static Mask withN(MaskFunction function, int n) {
        return new Mask(function, OptionalInt.of(n), Optional.empty(), function.fixedStrength().orElseThrow());
    }

    public static Mask constant(String literal) {
        return new Mask(MaskFunction.CONSTANT, OptionalInt.empty(), Optional.of(literal), MaskFunction.CONSTANT.fixedStrength().orElseThrow());
    }

    public static Mask custom(String expression, int strength) {
        return new Mask(MaskFunction.CUSTOM, OptionalInt.empty(), Optional.of(expression), strength);
    }

    public boolean isNone() {
        return function == MaskFunction.NONE;
    }
}
