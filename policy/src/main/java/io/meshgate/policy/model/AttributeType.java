package io.meshgate.policy.model;

/** The declared type of a principal attribute. */
public enum AttributeType {
    VARCHAR,
    BOOLEAN,
    BIGINT,
    DATE
}
