package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a set of policy files.
 *
 * @param file    the file's name within the policy directory
 * @param line    the line (1-based; 0 when the problem is with the file or directory as a whole)
 * @param rule    the rule broken, in a short stable form ({@code unknown-key}, {@code undeclared-tag},
 *                {@code duplicate-id}, {@code role-cycle}, {@code invalid-sql}, ...), for tests and tools
 * @param message what is wrong and how to fix it
 */
public record PolicyProblem(String file, int line, String rule, String message) {
    public PolicyProblem {
        requireNonNull(file, "file is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(message, "message is null");
        if (line < 0) {
            throw new IllegalArgumentException("Cannot create PolicyProblem: line is negative");
        }
    }

    /** {@code file:line: [rule] message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": [" + rule + "] " + message;
    }
}
