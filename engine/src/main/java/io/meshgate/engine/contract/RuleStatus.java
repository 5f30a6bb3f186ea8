package io.meshgate.engine.contract;

/** The outcome of one contract rule at one snapshot. */
public enum RuleStatus {
    /** The rule holds. */
    PASS,
    /** The rule does not hold; the detail says what was observed. */
    FAIL,
    /** The rule could not be checked (an unknown column, a value of the wrong type, a failing source); the detail says why. */
    ERROR
}
