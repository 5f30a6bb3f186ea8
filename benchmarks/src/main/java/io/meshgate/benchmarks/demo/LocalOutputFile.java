package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * A data file in a local warehouse, written with plain Java file I/O but named by its
 * {@code file:} URI, as the table's metadata names it. Hadoop's local file system, which the
 * catalog's file I/O uses for {@code file:} paths, starts a {@code chmod} process and writes a
 * checksum file for every file it creates; for the many small partition files of the demo that
 * cost dominated generation.
 */
final class LocalOutputFile implements OutputFile {
    private final String location;
    private final Path path;

    private LocalOutputFile(String location, Path path) {
        this.location = requireNonNull(location, "location is null");
        this.path = requireNonNull(path, "path is null");
    }

    /** The file at {@code location}, which must be a {@code file:} URI. */
    static LocalOutputFile at(String location) {
        URI uri = URI.create(location);
        if (!"file".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Cannot write data file " + location + " locally: not a file: URI (use a local warehouse)");
        }
        return new LocalOutputFile(location, Path.of(uri));
    }

    @Override
    public PositionOutputStream create() {
        createParent();
        return org.apache.iceberg.Files.localOutput(path.toFile()).create();
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
        createParent();
        return org.apache.iceberg.Files.localOutput(path.toFile()).createOrOverwrite();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public InputFile toInputFile() {
        return org.apache.iceberg.Files.localInput(path.toFile());
    }

    private void createParent() {
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of data file " + location, e);
        }
    }
}
