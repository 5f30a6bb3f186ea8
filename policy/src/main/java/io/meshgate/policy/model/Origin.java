package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

/** Where a policy element was written: file name and line, for errors, lint findings and audit. */
public record Origin(String file, int line) {
    public Origin {
        requireNonNull(file, "file is null");
        if (line < 0) {
            throw new IllegalArgumentException("Cannot create Origin: line is negative");
        }
    }

    /** For elements built in code rather than read from a file. */
    public static Origin code() {
        return new Origin("(code)", 0);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
