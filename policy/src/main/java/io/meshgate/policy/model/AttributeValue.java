package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A principal's value for one declared attribute: a String, Boolean, Long or LocalDate matching its type. */
public record AttributeValue(AttributeType type, Object value) {
    public AttributeValue {
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
        Class<?> expected = switch (type) {
            case VARCHAR -> String.class;
            case BOOLEAN -> Boolean.class;
            case BIGINT -> Long.class;
            case DATE -> LocalDate.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("Cannot create " + type + " attribute value from " + value.getClass().getSimpleName());
        }
    }
}
