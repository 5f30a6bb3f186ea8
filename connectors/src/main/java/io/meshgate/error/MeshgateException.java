package io.meshgate.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The one exception type that carries an error to a client: a code, a message that helps the user
 * fix the request, and where it applies, the position in the SQL text. The message never holds a
 * stack trace, a credential, a policy expression or a protected value.
 */
public final class MeshgateException extends RuntimeException {
    private final ErrorCode code;
    private final Optional<SqlPosition> position;

    public MeshgateException(ErrorCode code, String message) {
        this(code, message, Optional.empty(), null);
    }

    public MeshgateException(ErrorCode code, String message, Throwable cause) {
        this(code, message, Optional.empty(), cause);
    }

    public MeshgateException(ErrorCode code, String message, Optional<SqlPosition> position, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.position = requireNonNull(position, "position is null");
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<SqlPosition> position() {
        return position;
    }

    /** The message as a user sees it: position first, when there is one ("line 1:22: ..."). */
    public String userMessage() {
        return position.map(p -> p + ": " + getMessage()).orElse(getMessage());
    }
}
