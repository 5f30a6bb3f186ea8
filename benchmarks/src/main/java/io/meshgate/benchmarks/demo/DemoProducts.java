package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The demo's product files, in the data directory's {@value #DIRECTORY_NAME} folder that
 * {@code meshgate.yaml} points at. Each table describes itself in its properties; the file
 * overrides them where a product's life changed: {@value #DEPRECATED} is deprecated, with its
 * sunset a year after the mesh was generated.
 */
final class DemoProducts {
    static final String DIRECTORY_NAME = "products";
    static final String FILE_NAME = "lifecycle.yaml";
    static final String DEPRECATED = "supply.inventory.partsupp";

    private DemoProducts() {
    }

    /** Writes the product file into {@code dataDir}/{@value #DIRECTORY_NAME}, which it creates; returns that folder. */
    static Path write(Path dataDir, LocalDate sunset) {
        Path directory = dataDir.resolve(DIRECTORY_NAME);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(FILE_NAME), render(sunset), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo product files to " + directory, e);
        }
        return directory;
    }

    static String render(LocalDate sunset) {
        requireNonNull(sunset, "sunset is null");
        return """
                # What changed in the life of the demo's data products. Each table describes itself in its
                # meshgate.* properties (owner, contact, description, SLA, version, access); an entry here
                # overrides them field by field.
                products:
                  - name: %s
                    status: deprecated
                    sunset: %s
                    version: "1.5"
                    description: "Which supplier offers which part, with the quantity available and the supply cost. \
                Deprecated: read part and supplier instead."
                """.formatted(DEPRECATED, sunset);
    }
}
