package io.meshgate.error;

/** A 1-based line and column in the SQL text a user sent. */
public record SqlPosition(int line, int column) {
    public SqlPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("Cannot create SqlPosition: line and column start at 1, got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return "line " + line + ":" + column;
    }
}
