package io.meshgate.server.shell;

/**
 * A failure the shell reports as {@code ERROR: message} on standard error, without a stack trace:
 * a statement the server refused (its message as the server gave it), a login that failed, a
 * script that cannot be read, a table that {@code \d} does not find.
 */
final class ShellException extends RuntimeException {
    ShellException(String message) {
        super(message);
    }
}
