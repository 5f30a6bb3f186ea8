package io.meshgate.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Governance settings: where the policy files are, the secret of HASH masks (R9), and where the
 * audit log goes. No policies means every authenticated user sees every table (the server warns);
 * no audit file means no audit log. The hash key is never printed.
 *
 * @param policies  the directory of the policy files ({@code policies:})
 * @param hashKey   the secret of HASH masks ({@code policy-hash-key:}), required with {@code policies}
 * @param auditFile the JSON-lines audit log ({@code audit.file:})
 */
public record GovernanceConfig(Optional<Path> policies, Optional<String> hashKey, Optional<Path> auditFile) {
    /** Shorter hash keys can be guessed; the engine refuses them too. */
    public static final int MIN_HASH_KEY_LENGTH = 16;

    public GovernanceConfig {
        requireNonNull(policies, "policies is null");
        requireNonNull(hashKey, "hashKey is null");
        requireNonNull(auditFile, "auditFile is null");
        if (policies.isPresent() && hashKey.isEmpty()) {
            throw new IllegalArgumentException("Cannot use policies without a hash key (set policy-hash-key)");
        }
        if (hashKey.isPresent() && hashKey.get().length() < MIN_HASH_KEY_LENGTH) {
            throw new IllegalArgumentException("Cannot use the policy hash key: it must be at least " + MIN_HASH_KEY_LENGTH + " characters long");
        }
    }

    /** No policies, no audit log. */
    public static GovernanceConfig none() {
        return new GovernanceConfig(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same settings with relative paths resolved against {@code directory} (the configuration file's). */
    public GovernanceConfig resolveAgainst(Path directory) {
        requireNonNull(directory, "directory is null");
        return new GovernanceConfig(policies.map(directory::resolve), hashKey, auditFile.map(directory::resolve));
    }

    @Override
    public String toString() {
        return "GovernanceConfig[policies=" + policies + ", hashKey=" + hashKey.map(k -> "***") + ", auditFile=" + auditFile + "]";
    }
}
