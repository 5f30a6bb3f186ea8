package io.meshgate.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code meshgate sql} run in-process against the whole server on the demo mesh at scale 0.01. */
class SqlShellIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.01);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String address() {
        return "127.0.0.1:" + GATEWAY.port();
    }

    @Test
    void executeRunsEachStatementAndPrintsAlignedTables() {
        int code = shell("admin", "", "-e", "SELECT count(*) AS nations, min(n_name) AS first FROM customer.crm.nation;"
                + " SELECT r_regionkey, r_name FROM customer.crm.region WHERE r_regionkey < 2 ORDER BY r_regionkey");
        assertEquals(0, code, stderr());
        assertEquals("""
                 nations |  first
                ---------+---------
                      25 | ALGERIA
                (1 row)
                 r_regionkey | r_name
                -------------+---------
                           0 | AFRICA
                           1 | AMERICA
                (2 rows)
                """, stdout());
        assertEquals("", stderr());
    }

    @Test
    void aQueryOnADeprecatedProductPrintsItsWarningAndStillAnswers() {
        assertEquals(0, shell("ana", "", "--format", "csv", "-e", "SELECT count(*) AS n FROM supply.inventory.partsupp;"
                + " SELECT count(*) AS n FROM supply.inventory.part;"), stderr());
        assertEquals("WARNING: Product supply.inventory.partsupp is deprecated: it answers until its sunset on "
                + LocalDate.now(ZoneOffset.UTC).plusYears(1) + ", then queries on it fail (ask supply-team@example.com what replaces it)\n",
                stderr(), "one warning, for the deprecated product only");
        assertEquals(List.of("n", "8000", "n", "2000"), stdout().lines().toList());
    }

    @Test
    void csvFormatWritesAHeaderAndOneLinePerRow() {
        assertEquals(0, shell("admin", "", "--format", "csv", "-e",
                "SELECT n_nationkey, n_name, n_regionkey * 1.5 AS half FROM customer.crm.nation WHERE n_nationkey < 3 ORDER BY n_nationkey;"),
                stderr());
        List<String> lines = stdout().lines().toList();
        assertEquals("n_nationkey,n_name,half", lines.get(0));
        assertEquals(List.of("0", "ALGERIA"), List.of(lines.get(1).split(",")).subList(0, 2));
        assertEquals(List.of("1", "ARGENTINA"), List.of(lines.get(2).split(",")).subList(0, 2));
        assertEquals(List.of("2", "BRAZIL"), List.of(lines.get(3).split(",")).subList(0, 2));
        assertEquals(4, lines.size());
    }

    @Test
    void describeCommandsFromPipedInputListDomainsSchemasTablesAndColumns() {
        String input = "\\d\n\\d customer\n\\d customer.crm\n\\d customer.crm.region\n";
        assertEquals(0, shell("admin", input, "--format", "csv"), stderr());
        String printed = stdout();
        assertTrue(printed.startsWith("domain\nanalytics\ncommerce\ncustomer\nmesh\nsupply\nschema\ncrm\ntable,type\ncustomer,TABLE\nnation,TABLE\nregion,TABLE\ncolumn,type,nullable\n"),
                printed);
        assertTrue(printed.contains("\nr_regionkey,bigint,"), printed);
        assertTrue(printed.contains("\nr_name,varchar,"), printed);
    }

    @Test
    void describeOfAMissingTableFailsTheScript() {
        assertEquals(1, shell("admin", "\\d customer.crm.nope\nSELECT 1;\n"));
        assertEquals("ERROR: Did not find table 'customer.crm.nope' (\\d customer.crm lists its tables)\n", stderr());
        assertEquals("", stdout());
    }

    @Test
    void pipedStatementsMaySpanLinesAndKeepSemicolonsInStrings() {
        String input = "SELECT 'a;b' AS s,\n  -- a comment; not the end\n  2 AS n\n;\nSELECT 3 AS last\n";
        assertEquals(0, shell("admin", input, "--format", "tsv"), stderr());
        assertEquals("s\tn\na;b\t2\nlast\n3\n", stdout());
    }

    @Test
    void aFailedStatementStopsTheScriptWithTheServerMessageAndExitOne() {
        int code = shell("admin", "", "-e", "SELECT 1 AS one; SELECT * FROM commerce.sales.nope; SELECT 2 AS two");
        assertEquals(1, code);
        assertEquals("ERROR: [TABLE_NOT_FOUND] SQLSTATE 42P01: line 1:15: Table 'commerce.sales.nope' does not exist\n", stderr());
        assertTrue(stdout().contains(" one"), stdout());
        assertFalse(stdout().contains("two"), "the script stopped: " + stdout());
    }

    @Test
    void fileScriptsRunInOrderWithCommands(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("q.sql");
        Files.writeString(script, "\\timing on\nSELECT count(*) AS regions\nFROM customer.crm.region;\n");
        assertEquals(0, shell("admin", "", "--format", "json", "-f", script.toString()), stderr());
        assertEquals("Timing is on.\n{\"regions\": 5}\n", stdout());
        assertTrue(stderr().matches("Time: [0-9.]+ ms\\n"), "timing goes to stderr for json: " + stderr());
    }

    @Test
    void passwordFromTheFirstLineOfStandardInput() {
        int code = run(List.of("--server", address(), "--user", "ana", "--password-stdin", "--format", "csv"), Map.of(),
                "ana\nSELECT count(*) AS n FROM customer.crm.region;\n");
        assertEquals(0, code, stderr());
        assertEquals("n\n5\n", stdout());
    }

    @Test
    void wrongPasswordIsRefusedWithOneLineAndExitOne() {
        int code = run(List.of("--server", address(), "--user", "admin", "-e", "SELECT 1"), Map.of("MESHGATE_PASSWORD", "wrong"), "");
        assertEquals(1, code);
        assertEquals("ERROR: Cannot log in to " + address()
                + " as admin: [AUTHENTICATION_FAILED] SQLSTATE 28000: Invalid user name or password\n", stderr());
        assertEquals("", stdout());
    }

    @Test
    void noServerListeningSaysSoAndExitsOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int code = run(List.of("--server", "127.0.0.1:" + port, "--user", "admin", "-e", "SELECT 1"), Map.of("MESHGATE_PASSWORD", "admin"), "");
        assertEquals(1, code);
        assertTrue(stderr().startsWith("ERROR: Cannot connect to 127.0.0.1:" + port + ": "), stderr());
        assertTrue(stderr().contains("(is Meshgate running there?"), stderr());
    }

    @Test
    void withoutAPasswordOrATerminalTheShellSaysHowToGiveOne() {
        assertEquals(2, run(List.of("--server", address(), "--user", "admin"), Map.of(), "SELECT 1;\n"));
        assertEquals("meshgate sql: no password for admin (use --password-stdin, or set MESHGATE_PASSWORD when standard input is not a terminal)\n",
                stderr());
    }

    private int shell(String user, String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--server", address(), "--user", user));
        all.addAll(List.of(args));
        return run(all, Map.of("MESHGATE_PASSWORD", user), input);
    }

    private int run(List<String> args, Map<String, String> environment, String input) {
        return SqlShell.run(args, environment, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Optional.empty());
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
