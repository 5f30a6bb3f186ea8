package io.meshgate.engine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductStoreTest {
    private static final String V1 = "products:\n  - {name: a.b.c, owner: one}\n";
    private static final String V2 = "products:\n  - {name: a.b.c, owner: two}\n";

    @TempDir
    Path folder;

    @Test
    void changedFilesArePutInForce() throws IOException {
        Files.writeString(folder.resolve("p.yaml"), V1);
        try (ProductStore store = ProductStore.open(folder)) {
            assertFalse(store.reloadIfChanged(), "nothing changed");
            Files.writeString(folder.resolve("p.yaml"), V2);
            assertTrue(store.reloadIfChanged());
            assertEquals(Optional.of("two"), store.get().entry("a.b.c").orElseThrow().fields().owner());
        }
    }

    @Test
    void anInvalidChangeIsRejectedWholeAndTheFilesInForceStay() throws IOException {
        Files.writeString(folder.resolve("p.yaml"), V1);
        try (ProductStore store = ProductStore.open(folder)) {
            Files.writeString(folder.resolve("p.yaml"), V2);
            Files.writeString(folder.resolve("q.yaml"), "products:\n  - {name: a.b.d, sunset: tomorrow}\n");
            assertFalse(store.reloadIfChanged());
            assertEquals(Optional.of("one"), store.get().entry("a.b.c").orElseThrow().fields().owner(), "not even the valid file's change");
            assertEquals(1, store.lastReloadProblems().size());
            assertEquals("q.yaml", store.lastReloadProblems().get(0).file());
            Files.delete(folder.resolve("q.yaml"));
            assertTrue(store.reloadIfChanged());
            assertEquals(Optional.of("two"), store.get().entry("a.b.c").orElseThrow().fields().owner());
            assertEquals(0, store.lastReloadProblems().size());
        }
    }

    @Test
    void invalidFilesAtStartFailTheOpen() throws IOException {
        Files.writeString(folder.resolve("p.yaml"), "products: {name: a.b.c}\n");
        assertThrows(ProductLoadException.class, () -> ProductStore.open(folder));
    }

    @Test
    void watchingPicksUpAChange() throws Exception {
        Files.writeString(folder.resolve("p.yaml"), V1);
        try (ProductStore store = ProductStore.open(folder)) {
            store.startWatching(Duration.ofMillis(50));
            Files.writeString(folder.resolve("p.yaml"), V2);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!store.get().entry("a.b.c").orElseThrow().fields().owner().equals(Optional.of("two")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(Optional.of("two"), store.get().entry("a.b.c").orElseThrow().fields().owner());
        }
    }
}
