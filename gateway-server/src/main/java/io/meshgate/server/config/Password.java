package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

/** How a user's password is stored in the configuration. Never printed. */
public sealed interface Password {
    /** A clear-text password: for demos and tests only (the server warns at start). */
    record Plain(String value) implements Password {
        public Plain {
            requireNonNull(value, "value is null");
        }

        @Override
        public String toString() {
            return "Plain[***]";
        }
    }

    /** A bcrypt hash, {@code $2a$}, {@code $2b$} or {@code $2y$}. */
    record Bcrypt(String hash) implements Password {
        public Bcrypt {
            requireNonNull(hash, "hash is null");
            if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException("Cannot use bcrypt hash: expected $2a$, $2b$ or $2y$, a cost and 53 characters");
            }
        }

        @Override
        public String toString() {
            return "Bcrypt[***]";
        }
    }
}
