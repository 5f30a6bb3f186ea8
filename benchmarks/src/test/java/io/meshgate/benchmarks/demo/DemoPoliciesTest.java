package io.meshgate.benchmarks.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPoliciesTest {
    @Test
    void indexListsTheFourPolicyFiles() {
        assertEquals(List.of("tags.yaml", "principals.yaml", "grants.yaml", "restrictions.yaml"), DemoPolicies.fileNames());
    }

    @Test
    void everyListedFileIsCopiedByteForByte(@TempDir Path dir) throws IOException {
        Path copied = DemoPolicies.copyTo(dir);
        assertEquals(dir.resolve("policies"), copied);
        try (Stream<Path> files = Files.list(copied)) {
            assertEquals(DemoPolicies.fileNames().stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (String name : DemoPolicies.fileNames()) {
            try (InputStream resource = getClass().getClassLoader().getResourceAsStream(DemoPolicies.RESOURCE_FOLDER + name)) {
                assertArrayEquals(resource.readAllBytes(), Files.readAllBytes(copied.resolve(name)), name);
            }
        }
    }
}
