package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.config.TlsConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("meshgate policy check DIR"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("meshgate contract check [--config FILE] [PRODUCT ...]"));
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        assertEquals(2, run("demo", "--port", "http"));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("meshgate: --port must be a number from 0 to 65535, got 'http'"), printed);
        assertTrue(printed.contains("Usage:"), printed);
    }

    @Test
    void sqlHelpListsTheShellOptions() {
        assertEquals(0, run("sql", "--help"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Usage: meshgate sql [OPTIONS]"), printed);
        assertTrue(printed.contains("--format FORMAT"), printed);
    }

    @Test
    void sqlWithAnUnknownOptionExitsWithTwoAndItsUsage() {
        assertEquals(2, run("sql", "--databse", "x"));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("meshgate sql: Unknown option '--databse' (see meshgate sql --help)"), printed);
        assertTrue(printed.contains("Usage: meshgate sql"), printed);
    }

    @Test
    void bannerTellsEachClientHowToConnectWithOrWithoutTls(@TempDir Path dir) throws Exception {
        String yaml = "auth: {users: [{name: admin, password: {plain: admin}}]}\n"
                + "domains: [{name: shop, catalog: {type: jdbc, uri: \"jdbc:sqlite:x.db\", warehouse: \"file:///w\"}}]\n";
        MeshgateConfig plain = ConfigLoader.parse(yaml, "meshgate.yaml", Map.of());
        String plainBanner = banner(plain);
        assertTrue(plainBanner.contains("127.0.0.1:4242 (Arrow Flight SQL, no TLS), serving domains shop"), plainBanner);
        assertTrue(plainBanner.contains("jdbc:meshgate://127.0.0.1:4242 "), plainBanner);
        assertTrue(plainBanner.contains("flightsql.connect(\"grpc://127.0.0.1:4242\""), plainBanner);
        assertTrue(plainBanner.contains("./meshgate sql --server 127.0.0.1:4242 --user USER\n"), plainBanner);
        assertTrue(plainBanner.contains("  Portal: http://127.0.0.1:8080/ "), plainBanner);
        assertFalse(banner(plain, Optional.empty()).contains("Portal:"), "no portal line when the portal is off");

        MeshgateConfig tls = plain.withServer(new ServerConfig("127.0.0.1", 4242,
                Optional.of(new TlsConfig(dir.resolve("cert.pem"), dir.resolve("key.pem")))));
        String tlsBanner = banner(tls);
        assertTrue(tlsBanner.contains("(Arrow Flight SQL, TLS)"), tlsBanner);
        assertTrue(tlsBanner.contains("jdbc:meshgate://127.0.0.1:4242?tls=true "), tlsBanner);
        assertTrue(tlsBanner.contains("flightsql.connect(\"grpc+tls://127.0.0.1:4242\""), tlsBanner);
        assertTrue(tlsBanner.contains("./meshgate sql --server 127.0.0.1:4242 --tls --user USER\n"), tlsBanner);
    }

    private static String banner(MeshgateConfig config) {
        return banner(config, Optional.of("http://127.0.0.1:8080/"));
    }

    private static String banner(MeshgateConfig config, Optional<String> portalUrl) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.printBanner(config.withServer(new ServerConfig("127.0.0.1", 4242, config.server().tls())), 4242, portalUrl, false,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void configurationErrorsAreAllListedAndExitWithOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("meshgate.yaml");
        Files.writeString(config, "server: {port: x}\ndomains:\n  - name: a\n    catalog: {type: hive}\n");
        assertEquals(1, run("serve", "--config", config.toString()));
        assertEquals("""
                meshgate: the configuration has 3 error(s):
                  meshgate.yaml:1: server.port: must be an integer, got 'x'
                  meshgate.yaml:1: auth.users: required: at least one user (name and password)
                  meshgate.yaml:4: domains[0].catalog.type: unsupported catalog type 'hive' (supported: jdbc, rest, glue, postgresql)
                """, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void policyCheckPrintsTheRevisionOfAValidSet(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("grants.yaml"), "grants:\n  - {id: all, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}\n");
        assertEquals(0, run("policy", "check", dir.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("OK revision [0-9a-f]{12}\\R"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void policyCheckPrintsWarningsAndStillPasses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("grants.yaml"), """
                grants:
                  - {id: g, to: {all: true}, permissions: [SELECT], on: {table: a.b.c}, columns: {include: [x]},
                     masks: [{columns: [y], mask: {fn: HASH}}]}
                """);
        assertEquals(0, run("policy", "check", dir.toString()));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(2, lines.length);
        assertEquals("grants.yaml:2: WARNING [hidden-mask-column] grant 'g' masks a.b.c.y (HASH), which its columns do not include:"
                + " the mask never applies (add the column to columns, or drop the mask)", lines[0]);
        assertTrue(lines[1].startsWith("OK revision "), lines[1]);
    }

    @Test
    void policyCheckListsEveryErrorAndExitsWithOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("grants.yaml"), "grants:\n  - {id: g, to: {all: true}, permissions: [SELECT], on: {match: {key: pii, in: [x]}}}\n");
        Files.writeString(dir.resolve("tags.yaml"), "tags:\n  - {key: Pii, values: [Name]}\n");
        assertEquals(1, run("policy", "check", dir.toString()));
        assertEquals("""
                grants.yaml:2: ERROR [undeclared-tag] grants[0].on.match.key: tag 'pii' is not declared (none declared)
                tags.yaml:2: ERROR [invalid-value] tags[0].values: tag values are lower-case: 'Name' (use 'name')
                FAILED: 2 error(s) in %s
                """.formatted(dir), out.toString(StandardCharsets.UTF_8));
    }
}
