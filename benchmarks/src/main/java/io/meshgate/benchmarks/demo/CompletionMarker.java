package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The file written last when a demo mesh is complete: the scale factor it was generated at, the
 * layout version of the generator, and the directory it was generated in (Iceberg metadata and
 * {@code meshgate.yaml} hold absolute paths, so a moved mesh is not complete where it now is).
 * A mesh without the marker, or with other values, is not served.
 */
record CompletionMarker(double scaleFactor, int formatVersion, String directory) {
    static final String FILE_NAME = ".complete";

    CompletionMarker {
        requireNonNull(directory, "directory is null");
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new IllegalArgumentException("Cannot describe demo mesh: scale factor must be a positive number, got " + scaleFactor);
        }
    }

    /** The marker in {@code dataDir}, empty if it is missing or unreadable. */
    static Optional<CompletionMarker> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            properties.load(reader);
            return Optional.of(new CompletionMarker(
                    Double.parseDouble(properties.getProperty("scale-factor", "")),
                    Integer.parseInt(properties.getProperty("format-version", "")),
                    properties.getProperty("directory", "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes the marker atomically, so that a reader sees it whole or not at all. */
    void write(Path dataDir) {
        Properties properties = new Properties();
        properties.setProperty("scale-factor", Double.toString(scaleFactor));
        properties.setProperty("format-version", Integer.toString(formatVersion));
        properties.setProperty("directory", directory);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Meshgate demo mesh, complete");
            Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, dataDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the completion marker in " + dataDir, e);
        }
    }
}
