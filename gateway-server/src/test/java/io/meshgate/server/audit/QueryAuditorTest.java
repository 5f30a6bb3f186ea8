package io.meshgate.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class QueryAuditorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AuditRecord> written = new ArrayList<>();
    private final QueryAuditor auditor = new QueryAuditor(written::add, AuditFixtures.governance());

    private JsonNode recorded(QueryEvent event) throws IOException {
        auditor.record(event);
        assertEquals(1, written.size());
        String line = AuditJson.line(written.get(0));
        assertFalse(line.contains("\n"), "one line per record");
        return JSON.readTree(line);
    }

    @Test
    void recordHasEveryFieldOfTheContract() throws Exception {
        QueryEvent event = AuditFixtures.completed(List.of(AuditFixtures.restrictedOrders()));
        JsonNode record = recorded(event);

        assertEquals(List.of("time", "query_id", "principal", "statement", "policy_revision", "decision", "outcome", "relations",
                "rows", "timings"), fieldNames(record));
        assertEquals("2026-11-23T12:00:00Z", record.get("time").asText());
        assertEquals("00000000-0000-0000-0000-000000000001", record.get("query_id").asText());

        JsonNode principal = record.get("principal");
        assertEquals("ana", principal.get("user").asText());
        assertEquals(List.of("analysts", "eu-staff"), texts(principal.get("groups")));
        assertEquals(List.of("reader"), texts(principal.get("roles")));
        assertEquals("EU", principal.get("attributes").get("region").asText());
        assertTrue(principal.get("attributes").get("cleared").asBoolean());
        assertEquals(3, principal.get("attributes").get("level").asLong());
        assertEquals("2020-02-01", principal.get("attributes").get("hired").asText());
        assertEquals("flight-sql-jdbc/18", principal.get("client").asText());
        assertEquals("10.0.0.5", principal.get("address").asText());

        assertEquals(hmac(event.sql()), record.get("statement").get("hash").asText(), "keyed: a guessed literal cannot be confirmed");
        assertNotEquals(sha256(event.sql()), record.get("statement").get("hash").asText());
        assertEquals("SELECT id, email FROM commerce.sales.orders WHERE card = ? AND amount > ?", record.get("statement").get("text").asText());
        assertEquals(AuditFixtures.REVISION, record.get("policy_revision").asText());
        assertEquals("ALLOW_RESTRICTED", record.get("decision").asText());
        assertEquals("COMPLETED", record.get("outcome").asText());

        JsonNode relation = record.get("relations").get(0);
        assertEquals("commerce.sales.orders", relation.get("object").asText());
        assertEquals("6f1c-uuid", relation.get("uuid").asText());
        assertEquals(42, relation.get("snapshot").asLong());
        assertEquals(List.of("analysts-eu", "ops-eu"), texts(relation.get("grants")));
        assertEquals(List.of("hash-emails"), texts(relation.get("restrictions")));
        assertEquals(List.of("broken-grant"), texts(relation.get("dropped_grants")));
        assertEquals(List.of("id", "region", "email", "amount"), texts(relation.get("columns").get("visible")));
        assertEquals(List.of("card", "notes"), texts(relation.get("columns").get("hidden")));
        assertEquals(List.of("email"), texts(relation.get("columns").get("masked")));
        assertEquals(List.of("amount"), texts(relation.get("columns").get("cell_nulled")));
        assertEquals(List.of("filter kept above the barrier"), texts(relation.get("suppressed")));

        assertEquals(3, record.get("rows").asLong());
        assertEquals(12, record.get("timings").get("planning_ms").asLong());
        assertEquals(30, record.get("timings").get("execution_ms").asLong());
    }

    @Test
    void recordHoldsNoLiteralFromTheQueryOrThePolicy() {
        auditor.record(AuditFixtures.completed(List.of(AuditFixtures.restrictedOrders())));
        // The statement hash is hex: digits like "250" may occur in it by chance, so leave it out.
        String line = AuditJson.line(written.get(0)).replace(written.get(0).statement().hash(), "");
        assertFalse(line.contains(AuditFixtures.QUERY_SECRET), line);
        assertFalse(line.contains("250"), line);
        assertFalse(line.contains(AuditFixtures.POLICY_SECRET), line);
        assertFalse(line.contains("1000"), line);
    }

    @Test
    void wholeTablesAreAllowedAndAnUnknownSnapshotIsNull() throws Exception {
        JsonNode record = recorded(AuditFixtures.completed(List.of(AuditFixtures.wholeOrders())));
        assertEquals("ALLOW", record.get("decision").asText());
        JsonNode relation = record.get("relations").get(0);
        assertTrue(relation.get("snapshot").isNull());
        assertEquals(List.of(), texts(relation.get("columns").get("hidden")));
        assertEquals(List.of(), texts(relation.get("grants")));
    }

    @Test
    void queryReadingNoTableIsAllowedUnderTheCurrentRevision() throws Exception {
        JsonNode record = recorded(AuditFixtures.completed(List.of()));
        assertEquals("ALLOW", record.get("decision").asText());
        assertEquals(AuditFixtures.REVISION, record.get("policy_revision").asText());
        assertEquals(0, record.get("relations").size());
    }

    @Test
    void permissionFailuresAreDeniedAndOthersAreErrors() throws Exception {
        assertEquals("DENY", planningFailure(new MeshgateException(ErrorCode.PERMISSION_DENIED, "no")).get("decision").asText());
        written.clear();
        assertEquals("DENY", planningFailure(new MeshgateException(ErrorCode.MASK_CONFLICT, "tie")).get("decision").asText());
        written.clear();
        JsonNode notFound = planningFailure(new MeshgateException(ErrorCode.TABLE_NOT_FOUND, "gone"));
        assertEquals("ERROR", notFound.get("decision").asText());
        assertEquals("TABLE_NOT_FOUND", notFound.get("error").asText());
        assertEquals("FAILED", notFound.get("outcome").asText());
        assertEquals(0, notFound.get("rows").asLong());
        assertEquals(0, notFound.get("timings").get("execution_ms").asLong());
        written.clear();
        assertEquals("INTERNAL_ERROR", planningFailure(new IllegalStateException("bug")).get("error").asText());
    }

    @Test
    void failureWhileStreamingKeepsTheRelationsAndRowsSent() throws Exception {
        QueryEvent done = AuditFixtures.completed(List.of(AuditFixtures.restrictedOrders()));
        JsonNode record = recorded(new QueryEvent(done.queryId(), done.time(), done.principal(), done.client(), done.sql(), done.relations(),
                7, 224, done.planning(), done.execution(), QueryEvent.Outcome.FAILED, java.util.Optional.of(ErrorCode.DIVISION_BY_ZERO)));
        assertEquals("ERROR", record.get("decision").asText());
        assertEquals(7, record.get("rows").asLong());
        assertEquals(1, record.get("relations").size());
    }

    @Test
    void aLogThatFailsDoesNotFailTheQuery() {
        QueryAuditor failing = new QueryAuditor(record -> {
            throw new IllegalStateException("disk full");
        }, AuditFixtures.governance());
        failing.record(AuditFixtures.completed(List.of()));
    }

    private JsonNode planningFailure(Throwable failure) throws IOException {
        return recorded(QueryEvent.planningFailed(UUID.randomUUID(), Instant.now(), new Principal("ana", java.util.Set.of()),
                ClientInfo.unknown(), "SELECT 1", Duration.ofMillis(5), failure));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(AuditFixtures.HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
