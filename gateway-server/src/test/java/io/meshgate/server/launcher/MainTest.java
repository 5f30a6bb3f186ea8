package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("meshgate demo [--scale SF] [--port P] [--data DIR]"));
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        assertEquals(2, run("demo", "--port", "http"));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("meshgate: --port must be a number from 0 to 65535, got 'http'"), printed);
        assertTrue(printed.contains("Usage:"), printed);
    }

    @Test
    void configurationErrorsAreAllListedAndExitWithOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("meshgate.yaml");
        Files.writeString(config, "server: {port: x}\ndomains:\n  - name: a\n    catalog: {type: rest}\n");
        assertEquals(1, run("serve", "--config", config.toString()));
        assertEquals("""
                meshgate: the configuration has 3 error(s):
                  meshgate.yaml:1: server.port: must be an integer, got 'x'
                  meshgate.yaml:1: auth.users: required: at least one user (name and password)
                  meshgate.yaml:4: domains[0].catalog.type: unsupported catalog type 'rest' (supported: jdbc)
                """, err.toString(StandardCharsets.UTF_8));
    }
}
