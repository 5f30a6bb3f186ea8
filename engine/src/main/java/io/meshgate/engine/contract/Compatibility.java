package io.meshgate.engine.contract;

import java.util.Locale;

/**
 * How a table's current schema must relate to the columns its contract declares, as schema
 * registries define compatibility, with the contract as the promise and the current schema as the
 * newer version. Columns are matched by exact name, at the top level and inside {@code row} types.
 * A type is compatible when the current type is the contract's type or a lossless widening of it
 * ({@code integer} to {@code bigint}, {@code real} to {@code double}, {@code decimal(p,s)} to
 * {@code decimal(p2,s)} with {@code p2 >= p}; element, key, value and field types likewise);
 * narrowing or any other change never is.
 */
public enum Compatibility {
    /**
     * Readers of the contract can read the current data: every contract column still exists, with
     * a compatible type, and a column the contract declares {@code not null} is still required.
     * Columns added since are allowed. Queries written against the contract keep working.
     */
    BACKWARD,
    /**
     * Data shaped as the contract fits the current table: every column the table now requires is
     * in the contract and required there, and every column in both has a compatible type. Columns
     * the table dropped, and new optional columns, are allowed.
     */
    FORWARD,
    /** Both {@link #BACKWARD} and {@link #FORWARD}. */
    FULL;

    public boolean backward() {
        return this != FORWARD;
    }

    public boolean forward() {
        return this != BACKWARD;
    }

    /** The name as written in a contract: {@code backward}, {@code forward}, {@code full}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
