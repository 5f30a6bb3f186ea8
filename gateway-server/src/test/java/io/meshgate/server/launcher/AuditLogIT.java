package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.GovernanceConfig;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.ServerConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log end to end: a real server on the demo mesh writing to an audit file, queries sent
 * by a demo user through Arrow's Flight SQL JDBC driver, and the file read back line by line.
 */
class AuditLogIT {
    private static final String NATIONS = "SELECT n_name FROM customer.crm.nation WHERE n_regionkey = 1 AND n_name <> 'PERU'";
    private static final String COUNT = "SELECT count(*) FROM commerce.sales.orders -- where o_comment = 'zzkeep'\nWHERE o_comment <> 'secret-literal'";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_KEY = "audit-log-it-hash-key";

    @TempDir
    static Path data;

    private static Path auditFile;
    private static MeshgateServer server;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = DemoMesh.ensure(data, 0.001, new PrintStream(OutputStream.nullOutputStream()));
        auditFile = data.resolve("logs/audit.jsonl");
        MeshgateConfig config = ConfigLoader.load(yaml, Map.of("MESHGATE_PORTAL_PORT", "0"))
                .withServer(new ServerConfig("127.0.0.1", 0))
                .withGovernance(new GovernanceConfig(Optional.empty(), Optional.of(HASH_KEY), Optional.of(auditFile)));
        server = MeshgateServer.start(config);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachQueryWritesOneRecordWithWhoWhatHowAndNoValues() throws Exception {
        int before = lines();
        try (Connection connection = connect("ana", "ana"); Statement statement = connection.createStatement()) {
            assertEquals(4, count(statement.executeQuery(NATIONS)));
            assertEquals(1, count(statement.executeQuery(COUNT)));
        }

        List<String> all = Files.readAllLines(auditFile);
        List<String> lines = all.subList(before, all.size());
        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonNode nations = JSON.readTree(lines.get(0));
        JsonNode count = JSON.readTree(lines.get(1));
        assertNotEquals(nations.get("query_id").asText(), count.get("query_id").asText());

        for (JsonNode record : List.of(nations, count)) {
            JsonNode principal = record.get("principal");
            assertEquals("ana", principal.get("user").asText());
            assertEquals(List.of("analysts"), texts(principal.get("groups")));
            assertEquals("127.0.0.1", principal.get("address").asText());
            assertFalse(principal.get("client").asText().isBlank());
            assertEquals("none", record.get("policy_revision").asText(), "no policies configured");
            assertEquals("ALLOW", record.get("decision").asText());
            assertEquals("COMPLETED", record.get("outcome").asText());
            assertTrue(record.get("timings").get("planning_ms").asLong() >= 0);
            assertTrue(record.get("timings").get("execution_ms").asLong() >= 0);
            assertTrue(record.get("time").asText().endsWith("Z"), record.get("time").asText());
        }

        assertEquals(hmac(NATIONS), nations.get("statement").get("hash").asText());
        assertEquals("SELECT n_name FROM customer.crm.nation WHERE n_regionkey = ? AND n_name <> ?",
                nations.get("statement").get("text").asText());
        assertEquals(4, nations.get("rows").asLong());
        JsonNode nation = nations.get("relations").get(0);
        assertEquals("customer.crm.nation", nation.get("object").asText());
        assertFalse(nation.get("uuid").asText().isBlank());
        assertTrue(nation.get("snapshot").isNumber(), nation.toString());
        assertEquals(List.of("n_nationkey", "n_name", "n_regionkey", "n_comment"), texts(nation.get("columns").get("visible")));
        assertEquals(List.of(), texts(nation.get("columns").get("hidden")));

        assertEquals("SELECT count(*) FROM commerce.sales.orders \nWHERE o_comment <> ?", count.get("statement").get("text").asText());
        assertEquals(1, count.get("rows").asLong());
        assertEquals("commerce.sales.orders", count.get("relations").get(0).get("object").asText());

        String file = Files.readString(auditFile);
        for (String value : List.of("PERU", "secret-literal", "zzkeep", "ARGENTINA")) {
            assertFalse(file.contains(value), value + " in " + file);
        }
    }

    @Test
    void queryThatFailsToPlanIsAuditedWithoutRelations() throws Exception {
        int before = lines();
        try (Connection connection = connect("fred", "fred"); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM commerce.sales.nope WHERE x = 'secret'"));
        }
        JsonNode record = JSON.readTree(Files.readAllLines(auditFile).get(before));
        assertEquals("fred", record.get("principal").get("user").asText());
        assertEquals(List.of("analysts", "fraud"), texts(record.get("principal").get("groups")));
        assertEquals("ERROR", record.get("decision").asText());
        assertEquals("TABLE_NOT_FOUND", record.get("error").asText());
        assertEquals("SELECT * FROM commerce.sales.nope WHERE x = ?", record.get("statement").get("text").asText());
        assertEquals(0, record.get("relations").size());
    }

    private static int lines() throws Exception {
        return Files.exists(auditFile) ? Files.readAllLines(auditFile).size() : 0;
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", properties);
    }

    private static int count(ResultSet rows) throws SQLException {
        int n = 0;
        try (rows) {
            while (rows.next()) {
                n++;
            }
        }
        return n;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
