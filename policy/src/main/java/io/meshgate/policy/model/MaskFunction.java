package io.meshgate.policy.model;

import java.util.OptionalInt;

/**
 * The masks of POLICY.md R6 with their strength: NONE &lt; partial &lt; HASH &lt; REDACT &lt;
 * NULLIFY = CONSTANT. CUSTOM has no fixed strength: each CUSTOM mask declares its own.
 */
public enum MaskFunction {
    NONE(0),
    SHOW_LAST_N(1),
    SHOW_FIRST_N(1),
    DATE_YEAR_ONLY(1),
    ROUND_TO(1),
    EMAIL_DOMAIN(1),
    HASH(2),
    REDACT(3),
    NULLIFY(4),
    CONSTANT(4),
    CUSTOM(-1);

    public static final int MAX_STRENGTH = 4;

    private final int strength;

    MaskFunction(int strength) {
        this.strength = strength;
    }

    /** The fixed strength; empty for CUSTOM. */
    public OptionalInt fixedStrength() {
        return strength < 0 ? OptionalInt.empty() : OptionalInt.of(strength);
    }
}
