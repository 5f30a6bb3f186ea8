package io.meshgate.server.audit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where audit records go: one JSON line per query ({@link #toFile}), or nowhere ({@link #none}).
 * Implementations are thread-safe.
 */
public interface AuditLog extends AutoCloseable {
    /** Writes one record durably enough that a reader of the log sees it once this returns. */
    void write(AuditRecord record);

    @Override
    default void close() {
    }

    /** The log when no audit file is configured: records are dropped. */
    static AuditLog none() {
        return record -> {
        };
    }

    /**
     * Appends to {@code file}, creating it and its parent directories when missing.
     *
     * @throws java.io.UncheckedIOException when the file cannot be opened for appending
     */
    static AuditLog toFile(Path file) {
        return FileAuditLog.open(file);
    }

    /** {@link #toFile} when a file is given, else {@link #none}. */
    static AuditLog of(Optional<Path> file) {
        return file.map(AuditLog::toFile).orElseGet(AuditLog::none);
    }
}
