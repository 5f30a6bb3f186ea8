package io.meshgate.policy.eval;

/** What a column holds, as far as masks care (which masks apply to which kinds). */
public enum ColumnKind {
    STRING,
    NUMERIC,
    DATE,
    TIMESTAMP,
    BOOLEAN,
    BINARY,
    NESTED,
    OTHER
}
