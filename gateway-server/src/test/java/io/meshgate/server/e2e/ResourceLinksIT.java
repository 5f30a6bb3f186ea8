package io.meshgate.server.e2e;

import static io.meshgate.server.e2e.GovernedShop.CARD_1;
import static io.meshgate.server.e2e.GovernedShop.CARD_3;
import static io.meshgate.server.e2e.GovernedShop.EMAIL_1;
import static io.meshgate.server.e2e.GovernedShop.code;
import static io.meshgate.server.e2e.GovernedShop.fullMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshgate.server.shell.SqlShell;
import io.meshgate.server.transport.flight.LinkSchemaMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POLICY.md section 4 and case 13, end to end: resource links served by a real Meshgate server over
 * the governed shop, queried through Arrow's Flight SQL JDBC driver (and the shell), each test
 * trying to get more through a link than the producer grants its owner.
 *
 * <p>{@code analytics.sales} links {@code shop.sales} for {@code analytics-team}, to which the
 * producer grants the orders but notes and address, on rows that are not US, the card showing its
 * last 4; consumers get id, region, email, card and amount on the link. {@code bi.copy.orders}
 * links {@code analytics.sales.orders} for {@code bi-team}, which the analytics team re-grants id
 * and card. {@code loop.a.t} and {@code loop.b.t} link each other. The shop's restrictions (APAC
 * hidden from all but cleared, emails hashed for all but privacy) hold for everyone on the way.
 */
class ResourceLinksIT {
    static final String LINK = "analytics.sales.orders";

    static final String LINKS_CONFIG = """
            links:
              - {name: analytics.sales, target: shop.sales, owner: {groups: [analytics-team]}}
              - {name: bi.copy.orders, target: analytics.sales.orders, owner: {groups: [bi-team]}}
              - {name: loop.a.t, target: loop.b.t, owner: {groups: [governance]}}
              - {name: loop.b.t, target: loop.a.t, owner: {groups: [governance]}}
            """;

    static final String LINK_POLICY = """
            grants:
              - id: producer-to-analytics
                to: {groups: [analytics-team]}
                permissions: [SELECT]
                on: {table: shop.sales.orders}
                columns: {exclude: [notes, address]}
                rows: "region <> 'US'"
                masks:
                  - {columns: [card], mask: {fn: SHOW_LAST_N, n: 4}}
              - id: consumers-on-analytics
                to: {groups: [consumers]}
                permissions: [SELECT]
                on: {schema: analytics.sales}
                columns: {include: [id, region, email, card, amount]}
              - id: analytics-to-bi
                to: {groups: [bi-team]}
                permissions: [SELECT]
                on: {table: analytics.sales.orders}
                columns: {include: [id, card]}
              - id: bi-users-on-copy
                to: {groups: [bi-users]}
                permissions: [SELECT]
                on: {table: bi.copy.orders}
                columns: {include: [id, card]}
            """;

    static final GovernedShop.Additions ADDITIONS = new GovernedShop.Additions(
            Map.of("carol", List.of("consumers"), "dave", List.of("bi-users"), "olga", List.of("analytics-team"),
                    "fiona", List.of("fraud", "consumers")),
            Map.of("links.yaml", LINK_POLICY), LINKS_CONFIG);

    @RegisterExtension
    static final GovernedShop.Fixture SHOP = new GovernedShop.Fixture(ADDITIONS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GovernedShop shop() {
        return SHOP.get();
    }

    @Test
    void case13ConsumerThroughALinkGetsAtMostTheProducersGrant() throws Exception {
        assertEquals(List.of("id", "region", "email", "card", "amount"), shop().columns("carol", "SELECT * FROM " + LINK));
        assertEquals(List.of(
                        List.of(1L, "EU", GovernanceCasesIT.hmac(EMAIL_1), "************1111", 100),
                        List.of(3L, "EU", GovernanceCasesIT.hmac("cid@example.net"), "************1111", 80)),
                shop().rows("carol", "SELECT * FROM " + LINK + " ORDER BY id"));
        assertEquals(List.of(List.of(2L, 80, 100)), shop().rows("carol", "SELECT count(*), min(amount), max(amount) FROM " + LINK),
                "US rows (not granted to the owner) and APAC rows (restricted for carol) are not counted");
        assertEquals(List.of(), shop().rows("carol", "SELECT id FROM " + LINK + " WHERE id IN (2, 4) OR region IN ('US', 'APAC')"));
    }

    @Test
    void case13ColumnsThroughALinkThatTheProducerDoesNotGrantAreLikeMissingOnes() {
        for (String[] pair : List.of(new String[] {"notes", "nots"}, new String[] {"address", "adress"}, new String[] {"day", "dya"})) {
            SQLException hidden = shop().failure("carol", "SELECT " + pair[0] + " FROM " + LINK);
            SQLException missing = shop().failure("carol", "SELECT " + pair[1] + " FROM " + LINK);
            assertEquals("COLUMN_NOT_FOUND", code(hidden), fullMessage(hidden));
            assertEquals(fullMessage(missing).replace(pair[1], pair[0]), fullMessage(hidden));
        }
        SQLException inWhere = shop().failure("carol", "SELECT id FROM " + LINK + " WHERE notes = 'first note'");
        SQLException missingInWhere = shop().failure("carol", "SELECT id FROM " + LINK + " WHERE nots = 'first note'");
        assertEquals(fullMessage(missingInWhere).replace("nots", "notes"), fullMessage(inWhere));
    }

    @Test
    void case13PredicatesAndJoinsThroughALinkSeeMaskedValues() throws Exception {
        assertEquals(List.of(), shop().rows("carol", "SELECT id FROM " + LINK + " WHERE card = '" + CARD_1 + "'"));
        assertEquals(List.of(), shop().rows("carol", "SELECT id FROM " + LINK + " WHERE card IN ('" + CARD_1 + "', '" + CARD_3 + "')"));
        assertEquals(List.of(), shop().rows("carol", "SELECT id FROM " + LINK + " WHERE email = '" + EMAIL_1 + "'"));
        assertEquals(List.of(List.of(1L), List.of(3L)), shop().rows("carol", "SELECT id FROM " + LINK + " WHERE card LIKE '%1111' ORDER BY id"));
        assertEquals(List.of(), shop().rows("carol", "SELECT l.id FROM " + LINK + " l JOIN (VALUES ('" + CARD_1 + "')) AS v(c) ON l.card = v.c"));
    }

    @Test
    void case13ALinkToALinkCannotLaunderWhatTheMiddleOwnerDoesNotGet() throws Exception {
        assertEquals(List.of("id", "card"), shop().columns("dave", "SELECT * FROM bi.copy.orders"));
        assertEquals(List.of(List.of(1L, "************1111"), List.of(3L, "************1111")),
                shop().rows("dave", "SELECT * FROM bi.copy.orders ORDER BY id"));
        SQLException region = shop().failure("dave", "SELECT region FROM bi.copy.orders");
        SQLException missing = shop().failure("dave", "SELECT regoin FROM bi.copy.orders");
        assertEquals(fullMessage(missing).replace("regoin", "region"), fullMessage(region));
        SQLException middle = shop().failure("dave", "SELECT id FROM " + LINK);
        assertEquals(fullMessage(shop().failure("dave", "SELECT id FROM analytics.sales.ordres")).replace("ordres", "orders"), fullMessage(middle),
                "dave has no grant on the middle link: for him it does not exist");
    }

    @Test
    void case13AJoinOfLinkAndTargetKeepsEachSidesPolicy() throws Exception {
        // fiona reads the link as a consumer and the target as fraud (every column but notes, card masked, APAC hidden).
        List<List<Object>> joined = shop().rows("fiona", "SELECT l.id, l.card, t.card, l.email, t.email FROM " + LINK
                + " l JOIN shop.sales.orders t ON l.id = t.id ORDER BY 1");
        assertEquals(List.of(1L, "************1111", "************1111", GovernanceCasesIT.hmac(EMAIL_1), GovernanceCasesIT.hmac(EMAIL_1)),
                joined.get(0));
        assertEquals(2, joined.size(), "the link shows no US row: the join does not bring it back");
        assertFalse(joined.toString().contains(CARD_1) || joined.toString().contains(EMAIL_1), joined.toString());
        SQLException notes = shop().failure("fiona", "SELECT t.notes FROM " + LINK + " l JOIN shop.sales.orders t ON l.id = t.id");
        assertEquals("COLUMN_NOT_FOUND", code(notes));
        // carol has nothing on the target itself: the link does not open it.
        SQLException target = shop().failure("carol", "SELECT l.id FROM " + LINK + " l JOIN shop.sales.orders t ON l.id = t.id");
        SQLException missing = shop().failure("carol", "SELECT l.id FROM " + LINK + " l JOIN shop.sales.ordres t ON l.id = t.id");
        assertEquals("TABLE_NOT_FOUND", code(target));
        assertEquals(fullMessage(missing).replace("ordres", "orders"), fullMessage(target));
    }

    @Test
    void linksWithoutAGrantOrReachingNothingAreMissingTables() {
        for (String[] query : List.of(new String[] {"nobody", LINK}, new String[] {"olga", LINK}, new String[] {"gov", "loop.a.t"},
                new String[] {"carol", "bi.copy.orders"})) {
            SQLException hidden = shop().failure(query[0], "SELECT * FROM " + query[1]);
            SQLException missing = shop().failure(query[0], "SELECT * FROM " + query[1] + "x");
            assertEquals("TABLE_NOT_FOUND", code(hidden), query[0] + " " + query[1] + ": " + fullMessage(hidden));
            assertEquals(fullMessage(missing).replace(query[1] + "x", query[1]), fullMessage(hidden), query[0] + " " + query[1]);
        }
    }

    @Test
    void listingsShowLinksAsTheirOwnTypeOnlyToWhoMayReadOrOwnThem() throws Exception {
        try (Connection connection = shop().connect("carol")) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertEquals(List.of("analytics.sales.orders LINK"), tables(metadata.getTables(null, null, "%", new String[] {"LINK", "TABLE"})));
            assertEquals(List.of(), tables(metadata.getTables(null, null, "%", new String[] {"TABLE"})));
            assertEquals(List.of("LINK", "SYSTEM TABLE", "TABLE"), strings(metadata.getTableTypes(), "TABLE_TYPE"));
            assertEquals(List.of("analytics", "mesh"), strings(metadata.getCatalogs(), "TABLE_CAT"));
            assertEquals(List.of("id", "region", "email", "card", "amount"), strings(metadata.getColumns("analytics", "sales", "orders", "%"), "COLUMN_NAME"));
        }
        try (Connection connection = shop().connect("dave")) {
            assertEquals(List.of("bi.copy.orders LINK"), tables(connection.getMetaData().getTables(null, null, "%", new String[] {"LINK", "TABLE"})));
        }
        try (Connection connection = shop().connect("nobody")) {
            assertEquals(List.of(), tables(connection.getMetaData().getTables(null, null, "%", new String[] {"LINK", "TABLE"})));
        }
        Map<String, String> carol = linkStatuses("carol");
        assertEquals(Map.of(LINK, "LINK OK -"), carol, "carol does not see shop.sales.orders: she is not told it is the target");
        assertEquals("LINK OK shop.sales.orders", linkStatuses("olga").get(LINK), "the owner lists its link with its target, with no grant on it");
        Map<String, String> gov = linkStatuses("gov");
        assertEquals("LINK CYCLE loop.b.t", gov.get("loop.a.t"), gov.toString());
        assertEquals("LINK CYCLE loop.a.t", gov.get("loop.b.t"), gov.toString());
        assertEquals("TABLE - -", gov.get("shop.sales.orders"), "one broken link does not break the listing: " + gov);
    }

    @Test
    void explainThroughALinkShowsItsBarriersByTheLinksNameOnly() throws Exception {
        StringBuilder plan = new StringBuilder();
        shop().rows("carol", "EXPLAIN PLAN FOR SELECT id, card FROM " + LINK + " WHERE id > 0").forEach(row -> plan.append(row).append('\n'));
        assertTrue(plan.toString().contains("PolicyBarrier(table=[analytics.sales.orders])"), plan.toString());
        for (String secret : List.of("shop", "US", "APAC", "region", "SHOW_LAST_N", "producer-to-analytics", "consumers-on-analytics", "hide-apac")) {
            assertFalse(plan.toString().contains(secret), secret + " in " + plan);
        }
    }

    @Test
    void theAuditRecordNamesTheTargetAndTheLinks() throws Exception {
        shop().rows("dave", "SELECT id FROM bi.copy.orders");
        JsonNode record = lastRecord("dave");
        JsonNode relation = record.get("relations").get(0);
        assertEquals("shop.sales.orders", relation.get("object").asText());
        assertEquals(List.of("bi.copy.orders", LINK), texts(relation.get("via")));
        assertEquals(List.of("analytics-to-bi", "bi-users-on-copy", "producer-to-analytics"), texts(relation.get("grants")));
        assertEquals(List.of("hash-emails", "hide-apac"), texts(relation.get("restrictions")), "applied for everyone on the way");
        assertEquals("ALLOW_RESTRICTED", record.get("decision").asText());
        assertTrue(texts(relation.get("columns").get("hidden")).containsAll(List.of("notes", "region", "email")), relation.toString());
        assertEquals(List.of("card"), texts(relation.get("columns").get("masked")));
    }

    @Test
    void aReGrantThatExceedsItsGrantorIsRejectedWholeOnReload() throws Exception {
        // Wider than the owner (every column of the link), laundering (every column through bi.copy.orders), next to a valid grant:
        // the file is rejected whole.
        shop().writePolicy("widen.yaml", """
                grants:
                  - id: consumers-everything
                    to: {groups: [consumers]}
                    permissions: [SELECT]
                    on: {schema: analytics.sales}
                    columns: {all: true}
                  - id: bi-users-everything
                    to: {groups: [bi-users]}
                    permissions: [SELECT]
                    on: {table: bi.copy.orders}
                    columns: {exclude: [id]}
                  - id: latecomers-on-link
                    to: {groups: [latecomers]}
                    permissions: [SELECT]
                    on: {table: analytics.sales.orders}
                    columns: {include: [id]}
                """);
        try {
            Thread.sleep(5_000);
            assertEquals(List.of("id", "region", "email", "card", "amount"), shop().columns("carol", "SELECT * FROM " + LINK));
            assertEquals(List.of("id", "card"), shop().columns("dave", "SELECT * FROM bi.copy.orders"));
            assertEquals("TABLE_NOT_FOUND", code(shop().failure("late", "SELECT id FROM " + LINK)), "the valid grant next to them is rejected too");

            shop().writePolicy("widen.yaml", """
                    grants:
                      - id: latecomers-on-link
                        to: {groups: [latecomers]}
                        permissions: [SELECT]
                        on: {table: analytics.sales.orders}
                        columns: {include: [id]}
                    """);
            assertEquals(List.of(List.of(1L), List.of(3L)), awaitRows("late", "SELECT id FROM " + LINK + " ORDER BY id"));
        } finally {
            shop().deletePolicy("widen.yaml");
        }
    }

    @Test
    void theShellDescribesLinksWithTheirTypeTargetAndStatus() {
        assertEquals("table,type,target,status\norders,LINK,\"\",OK\n", shell("carol", "\\d analytics.sales\n"), "carol is not told the target");
        assertEquals("table,type,target,status\norders,LINK,shop.sales.orders,OK\n", shell("olga", "\\d analytics.sales\n"));
        assertEquals("column,type,nullable\nid,bigint,no\nregion,varchar,yes\nemail,varchar,yes\ncard,varchar,yes\namount,integer,yes\n",
                shell("carol", "\\d analytics.sales.orders\n"));
    }

    private static String shell(String user, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SqlShell.run(List.of("--server", "127.0.0.1:" + shop().server.port(), "--user", user, "--format", "csv"),
                Map.of("MESHGATE_PASSWORD", user), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every name GetTables lists to {@code user}: its type, a link's status (else -) and target as shown to the user (else -). */
    static Map<String, String> linkStatuses(String user) throws Exception {
        return linkStatuses(user, shop());
    }

    static Map<String, String> linkStatuses(String user, GovernedShop shop) throws Exception {
        Map<String, String> listed = new LinkedHashMap<>();
        try (RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", shop.server.port())).build()) {
            CallOption token = client.authenticateBasicToken(user, user).orElseThrow();
            FlightSqlClient sql = new FlightSqlClient(client);
            FlightInfo info = sql.getTables(null, null, null, List.of("LINK", "TABLE"), true, token);
            for (FlightEndpoint endpoint : info.getEndpoints()) {
                try (FlightStream stream = sql.getStream(endpoint.getTicket(), token)) {
                    while (stream.next()) {
                        VarBinaryVector schemas = (VarBinaryVector) stream.getRoot().getVector("table_schema");
                        for (int row = 0; row < stream.getRoot().getRowCount(); row++) {
                            Schema schema = Schema.deserializeMessage(ByteBuffer.wrap(schemas.get(row)));
                            String name = stream.getRoot().getVector("catalog_name").getObject(row) + "." + stream.getRoot().getVector("db_schema_name").getObject(row)
                                    + "." + stream.getRoot().getVector("table_name").getObject(row);
                            listed.put(name, stream.getRoot().getVector("table_type").getObject(row) + " "
                                    + schema.getCustomMetadata().getOrDefault(LinkSchemaMetadata.STATUS, "-") + " "
                                    + schema.getCustomMetadata().getOrDefault(LinkSchemaMetadata.TARGET, "-"));
                        }
                    }
                }
            }
        }
        return listed;
    }

    private static List<String> tables(ResultSet rows) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_CAT") + "." + rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME") + " "
                        + rows.getString("TABLE_TYPE"));
            }
        }
        return tables;
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(column));
            }
        }
        return values;
    }

    private static List<List<Object>> awaitRows(String user, String sql) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return shop().rows(user, sql);
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }

    private static JsonNode lastRecord(String user) throws Exception {
        List<String> lines = Files.readAllLines(shop().auditFile);
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonNode record = JSON.readTree(lines.get(i));
            if (record.get("principal").get("user").asText().equals(user)) {
                return record;
            }
        }
        throw new AssertionError("no audit record of " + user);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
