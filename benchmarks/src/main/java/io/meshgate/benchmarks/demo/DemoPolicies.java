package io.meshgate.benchmarks.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's policy files: classpath resources under {@value #RESOURCE_FOLDER}, named by the
 * {@value #INDEX} there (a jar cannot be listed), copied into the data directory's
 * {@value #DIRECTORY_NAME} folder that {@code meshgate.yaml} points at.
 */
final class DemoPolicies {
    static final String DIRECTORY_NAME = "policies";
    static final String RESOURCE_FOLDER = "io/meshgate/benchmarks/demo/policies/";
    static final String INDEX = "index.txt";

    private DemoPolicies() {
    }

    /** The file names the index lists, in its order; blank lines and {@code #} comments are skipped. */
    static List<String> fileNames() {
        String index = new String(read(INDEX), StandardCharsets.UTF_8);
        List<String> names = index.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String name : names) {
            if (name.contains("/") || name.contains("\\") || !name.endsWith(".yaml")) {
                throw new IllegalStateException("Cannot read the demo policy index: '" + name + "' is not a .yaml file name in its folder");
            }
        }
        return names;
    }

    /** Copies every listed file into {@code dataDir}/{@value #DIRECTORY_NAME}, which it creates; returns that folder. */
    static Path copyTo(Path dataDir) {
        Path directory = dataDir.resolve(DIRECTORY_NAME);
        try {
            Files.createDirectories(directory);
            for (String name : fileNames()) {
                Files.write(directory.resolve(name), read(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the demo policies to " + directory, e);
        }
        return directory;
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoPolicies.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Cannot copy the demo policies: " + RESOURCE_FOLDER + name
                        + " is missing from the classpath (rebuild meshgate-benchmarks)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE_FOLDER + name, e);
        }
    }
}
