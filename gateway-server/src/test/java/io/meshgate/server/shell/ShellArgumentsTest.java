package io.meshgate.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellArgumentsTest {
    @Test
    void defaultsAreTheLocalServerAlignedOutputAndStandardInput() {
        ShellArguments arguments = ShellArguments.parse(List.of());
        assertEquals(new ShellArguments.ServerAddress("127.0.0.1", 31337), arguments.server());
        assertEquals(Optional.empty(), arguments.user());
        assertEquals(OutputFormat.ALIGNED, arguments.format());
        assertEquals(List.of(), arguments.scripts());
        assertFalse(arguments.tls());
        assertFalse(arguments.passwordFromStdin());
        assertFalse(arguments.help());
    }

    @Test
    void takesEveryOptionInBothSpellings() {
        ShellArguments arguments = ShellArguments.parse(List.of("--server=db.example:4000", "--user", "ana", "--password-stdin",
                "--tls-trust", "ca.pem", "--format", "CSV", "-e", "SELECT 1", "-f", "q.sql", "--execute=SELECT 2"));
        assertEquals(new ShellArguments.ServerAddress("db.example", 4000), arguments.server());
        assertEquals(Optional.of("ana"), arguments.user());
        assertTrue(arguments.passwordFromStdin());
        assertTrue(arguments.tls(), "--tls-trust implies --tls");
        assertEquals(Optional.of(Path.of("ca.pem")), arguments.tlsTrust());
        assertEquals(OutputFormat.CSV, arguments.format());
        assertEquals(List.of(new ShellArguments.Script.Inline("SELECT 1"), new ShellArguments.Script.File(Path.of("q.sql")),
                new ShellArguments.Script.Inline("SELECT 2")), arguments.scripts());
    }

    @Test
    void serverTakesAHostAloneOrABracketedIpv6Address() {
        assertEquals(new ShellArguments.ServerAddress("gateway", 31337), ShellArguments.ServerAddress.parse("gateway"));
        assertEquals(new ShellArguments.ServerAddress("::1", 9000), ShellArguments.ServerAddress.parse("[::1]:9000"));
        assertEquals("[::1]:9000", ShellArguments.ServerAddress.parse("[::1]:9000").toString());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("Unknown option '--database' (see meshgate sql --help)", usageError("--database", "x"));
        assertEquals("Unexpected argument 'SELECT 1' (statements go after -e, files after -f)", usageError("SELECT 1"));
        assertEquals("Unknown --format 'xml' (use aligned, expanded, csv, tsv or json)", usageError("--format", "xml"));
        assertEquals("--server port must be a number from 1 to 65535, got 'x'", usageError("--server", "host:x"));
        assertEquals("--server must be HOST or HOST:PORT, got ':1'", usageError("--server", ":1"));
        assertEquals("-e needs a value", usageError("-e"));
        assertEquals("--user given twice", usageError("--user", "a", "--user", "b"));
        assertEquals("--tls takes no value", usageError("--tls=yes"));
    }

    private static String usageError(String... args) {
        return assertThrows(ShellArguments.UsageException.class, () -> ShellArguments.parse(List.of(args))).getMessage();
    }
}
