package io.meshgate.benchmarks.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code meshgate.yaml}, the server configuration that serves the demo mesh. */
final class MeshConfigFile {
    static final String FILE_NAME = "meshgate.yaml";

    private MeshConfigFile() {
    }

    static Path write(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.writeString(file, render(dataDir), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    static String render(Path dataDir) {
        StringBuilder yaml = new StringBuilder()
                .append("server: {host: 127.0.0.1, port: 31337}\n")
                .append("auth:\n")
                .append("  users:\n")
                .append("    - {name: admin, password: {plain: admin}}\n")
                .append("domains:\n");
        for (DemoDomain domain : DemoDomain.values()) {
            yaml.append("  - name: ").append(domain.domainName()).append('\n')
                    .append("    catalog: {type: jdbc, uri: ").append(quoted(domain.catalogUri(dataDir)))
                    .append(", catalog-name: ").append(domain.domainName())
                    .append(", warehouse: ").append(quoted(domain.warehouseUri(dataDir))).append("}\n")
                    .append("    schemas:\n")
                    .append("      - {name: ").append(domain.schema()).append(", namespace: ").append(domain.domainName()).append("}\n");
        }
        return yaml.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
