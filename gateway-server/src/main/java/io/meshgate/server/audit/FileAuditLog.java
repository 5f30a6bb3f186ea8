package io.meshgate.server.audit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The audit log as a JSON-lines file: appended to, one flushed line per record, one writer at a time. */
final class FileAuditLog implements AuditLog {
    private final Path file;
    private final Writer writer;
    private boolean closed;

    private FileAuditLog(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    static FileAuditLog open(Path file) {
        requireNonNull(file, "file is null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new FileAuditLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit log " + file + " for appending: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(AuditRecord record) {
        String line = AuditJson.line(record);
        if (closed) {
            throw new IllegalStateException("Cannot write to the audit log " + file + ": it is closed");
        }
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the audit log " + file + ": " + e.getMessage(), e);
        }
    }
}
