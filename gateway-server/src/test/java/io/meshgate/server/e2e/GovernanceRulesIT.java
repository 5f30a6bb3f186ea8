package io.meshgate.server.e2e;

import static io.meshgate.server.e2e.GovernedShop.CARD_1;
import static io.meshgate.server.e2e.GovernedShop.EMAIL_1;
import static io.meshgate.server.e2e.GovernedShop.ORDERS;
import static io.meshgate.server.e2e.GovernedShop.code;
import static io.meshgate.server.e2e.GovernedShop.fullMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POLICY.md rules R1 to R9 and B1 to B7 end to end where section 7's cases do not already cover
 * them: listings (R2) through JDBC {@link DatabaseMetaData}, default deny, missing attributes,
 * ordering, grouping and limits on masked columns, CTEs and subqueries named like the table, error
 * side channels (B4), partition pruning and metadata answers (B1, B2), metadata tables of invisible
 * tables (B6), hot reload under a prepared statement (B7) and the audit record.
 */
class GovernanceRulesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The domains' tables, without the system tables ({@code mesh.meta.*}) that every principal has listed. */
    private static final String[] TABLES = {"TABLE"};
    /** Values no principal but governance may see, and that no error or audit record may carry. */
    private static final List<String> PROTECTED = List.of("APAC", "Osaka", "dee@example.com", "3400000000000009", "fourth note",
            CARD_1, EMAIL_1, "first note", "Lyon", "69001", GovernedShop.SECRET, GovernedShop.HASH_KEY);

    @RegisterExtension
    static final GovernedShop.Fixture SHOP = new GovernedShop.Fixture();

    private static GovernedShop shop() {
        return SHOP.get();
    }

    @Test
    void r1NoGrantMeansNoAccessAndNoListing() throws Exception {
        SQLException denied = shop().failure("nobody", "SELECT count(*) FROM " + ORDERS);
        assertEquals("TABLE_NOT_FOUND", code(denied), fullMessage(denied));
        try (Connection connection = shop().connect("nobody")) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertEquals(List.of(), column(metaData.getTables(null, null, "%", TABLES), "TABLE_NAME"));
            assertEquals(List.of(), column(metaData.getColumns(null, null, "orders", "%"), "COLUMN_NAME"));
            assertEquals(List.of("mesh"), column(metaData.getCatalogs(), "TABLE_CAT"), "only the system tables' catalog");
            assertEquals(List.of("meta"), column(metaData.getSchemas(), "TABLE_SCHEM"));
            assertEquals(List.of("columns", "contracts", "freshness", "lineage", "links", "products"), column(metaData.getTables(null, null, "%", null), "TABLE_NAME"),
                    "the system tables are listed for everyone: each sees its own rows");
        }
    }

    @Test
    void r2ListingsShowOnlyWhatThePrincipalMayDescribe() throws Exception {
        try (Connection connection = shop().connect("ana_eu")) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertEquals(List.of("mesh", "shop"), column(metaData.getCatalogs(), "TABLE_CAT"));
            assertEquals(List.of("meta", "sales"), column(metaData.getSchemas(), "TABLE_SCHEM"));
            assertEquals(List.of("sales"), column(metaData.getSchemas("shop", null), "TABLE_SCHEM"));
            assertEquals(List.of(), column(metaData.getSchemas("vault", null), "TABLE_SCHEM"));
            assertEquals(List.of("orders"), column(metaData.getTables(null, null, "%", TABLES), "TABLE_NAME"));
            assertEquals(List.of(), column(metaData.getTables("vault", "keys", "%", null), "TABLE_NAME"));
            assertEquals(List.of(), column(metaData.getTables(null, null, "secrets", null), "TABLE_NAME"));
            assertEquals(List.of("id", "region", "amount", "day"), column(metaData.getColumns("shop", "sales", "orders", "%"), "COLUMN_NAME"));
            assertEquals(List.of(), column(metaData.getColumns("shop", "sales", "orders", "notes"), "COLUMN_NAME"));
            assertEquals(List.of(), column(metaData.getColumns(null, null, "%", "secret"), "COLUMN_NAME"));
        }
        try (Connection connection = shop().connect("fred")) {
            assertEquals(List.of("id", "region", "email", "card", "amount", "day", "address"),
                    column(connection.getMetaData().getColumns("shop", "sales", "orders", "%"), "COLUMN_NAME"));
        }
        try (Connection connection = shop().connect("ana_us_ops")) {
            assertEquals(List.of("id", "region", "email", "amount", "day"),
                    column(connection.getMetaData().getColumns("shop", "sales", "orders", "%"), "COLUMN_NAME"));
        }
        try (Connection connection = shop().connect("gov")) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertEquals(List.of("mesh", "shop", "vault"), column(metaData.getCatalogs(), "TABLE_CAT"));
            assertEquals(List.of("orders", "secrets"), column(metaData.getTables(null, null, "%", TABLES), "TABLE_NAME"));
            assertEquals(List.of("id", "region", "email", "card", "amount", "day", "notes", "address"),
                    column(metaData.getColumns("shop", "sales", "orders", "%"), "COLUMN_NAME"));
        }
    }

    @Test
    void r8MissingAttributeHidesEveryRow() throws Exception {
        assertEquals(List.of(List.of(0L)), shop().rows("ana_none", "SELECT count(*) FROM " + ORDERS));
        assertEquals(List.of(), shop().rows("ana_none", "SELECT id FROM " + ORDERS + " WHERE region IS NULL OR region IS NOT NULL"));
    }

    @Test
    void r3AndR2CteOrSubqueryNamedLikeTheTableStillReadsThroughTheBarrier() throws Exception {
        assertEquals(List.of(List.of(2L)), shop().rows("ana_eu", "WITH orders AS (SELECT * FROM " + ORDERS + ") SELECT count(*) FROM orders"));
        assertEquals(List.of("id", "region", "amount", "day"),
                shop().columns("ana_eu", "WITH orders AS (SELECT * FROM " + ORDERS + ") SELECT * FROM orders"));
        assertEquals(List.of(List.of(2L)), shop().rows("ana_eu", "SELECT count(*) FROM (SELECT * FROM " + ORDERS + " WHERE region = 'APAC' OR 1 = 1) t"));
        assertEquals(List.of(List.of(0L)), shop().rows("fred", "SELECT count(*) FROM (SELECT * FROM " + ORDERS + ") t WHERE t.region = 'APAC'"));
        assertEquals(List.of(List.of(0L)), shop().rows("fred", "SELECT count(*) FROM " + ORDERS
                + " WHERE id IN (SELECT id FROM " + ORDERS + " WHERE region = 'APAC')"));
        assertEquals(List.of(List.of(0L)), shop().rows("fred", "SELECT count(*) FROM " + ORDERS + " a WHERE EXISTS (SELECT 1 FROM "
                + ORDERS + " b WHERE b.region = 'APAC' AND b.id = a.id)"));
        SQLException hidden = shop().failure("ana_eu", "WITH orders AS (SELECT * FROM " + ORDERS + ") SELECT notes FROM orders");
        assertEquals("COLUMN_NOT_FOUND", code(hidden), fullMessage(hidden));
    }

    @Test
    void r7OrderByAndLimitOnMaskedColumnOrderMaskedValues() throws Exception {
        // Masked: 1 -> ****1111, 2 -> ****0004, 3 -> ****1111. Raw order would put row 3 (4000...) first.
        assertEquals(List.of(List.of(2L)), shop().rows("fred", "SELECT id FROM " + ORDERS + " ORDER BY card, id LIMIT 1"));
        assertEquals(List.of(List.of(2L), List.of(1L), List.of(3L)), shop().rows("fred", "SELECT id FROM " + ORDERS + " ORDER BY card, id"));
        assertEquals(List.of(List.of(3L), List.of(1L), List.of(2L)), shop().rows("fred", "SELECT id FROM " + ORDERS + " ORDER BY card DESC, id DESC"));
        assertEquals(List.of(List.of(1L)), shop().rows("fred", "SELECT id FROM " + ORDERS + " ORDER BY card DESC, id LIMIT 1"));
        assertEquals(List.of(List.of(3L)), shop().rows("fred", "SELECT id FROM " + ORDERS
                + " ORDER BY CASE WHEN email = '" + EMAIL_1 + "' THEN 0 ELSE 1 END, id DESC LIMIT 1"),
                "no row's shown email equals the raw value");
        // ana_us_ops: amount is cell-nulled on EU rows, so only row 2 has one.
        assertEquals(List.of(Arrays.asList(2L, 250)), shop().rows("ana_us_ops", "SELECT id, amount FROM " + ORDERS
                + " ORDER BY amount DESC NULLS LAST, id LIMIT 1"));
        assertEquals(List.of(List.of(1L), List.of(3L)), shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS
                + " ORDER BY amount NULLS FIRST, id LIMIT 2"));
    }

    @Test
    void r7GroupByMaskedColumnGroupsMaskedValues() throws Exception {
        assertEquals(List.of(List.of("************0004", 1L), List.of("************1111", 2L)),
                shop().rows("fred", "SELECT card, count(*) FROM " + ORDERS + " GROUP BY card ORDER BY card"));
        assertEquals(List.of(List.of(2L)), shop().rows("fred", "SELECT count(DISTINCT card) FROM " + ORDERS));
        assertEquals(List.of(List.of(3L)), shop().rows("fred", "SELECT count(DISTINCT email) FROM " + ORDERS));
        assertEquals(List.of(Arrays.asList(null, 2L), Arrays.asList(250, 1L)),
                shop().rows("ana_us_ops", "SELECT amount, count(*) FROM " + ORDERS + " GROUP BY amount ORDER BY amount NULLS FIRST"));
        assertEquals(List.of(List.of("************1111")), shop().rows("fred", "SELECT card FROM " + ORDERS + " GROUP BY card HAVING count(*) > 1"));
    }

    @Test
    void b4ErrorsOnProtectedDataNameTheColumnNeverAValue() throws Exception {
        SQLException hidden = shop().failure("ana_eu", "SELECT CAST(notes AS INT) FROM " + ORDERS);
        assertEquals("COLUMN_NOT_FOUND", code(hidden), fullMessage(hidden));
        SQLException excluded = shop().failure("fred", "SELECT CAST(notes AS INT) FROM " + ORDERS);
        assertEquals("COLUMN_NOT_FOUND", code(excluded), fullMessage(excluded));

        for (String[] attempt : List.of(
                new String[] {"ana_eu", "SELECT CAST(region AS INT) FROM " + ORDERS},
                new String[] {"ana_eu", "SELECT id FROM " + ORDERS + " WHERE CAST(region AS INT) > 0"},
                new String[] {"fred", "SELECT CAST(card AS BIGINT) FROM " + ORDERS},
                new String[] {"fred", "SELECT id FROM " + ORDERS + " WHERE CAST(email AS INT) = 1"},
                new String[] {"fred", "SELECT CAST(o.address.city AS INT) FROM " + ORDERS + " o"},
                new String[] {"fred", "SELECT CAST(region AS DATE) FROM " + ORDERS},
                new String[] {"ana_us_ops", "SELECT CAST(email AS INT) FROM " + ORDERS})) {
            String message;
            try {
                shop().rows(attempt[0], attempt[1]);
                continue;
            } catch (SQLException e) {
                message = fullMessage(e);
            }
            for (String value : PROTECTED) {
                assertFalse(message.contains(value), attempt[0] + ": " + value + " in " + message);
            }
            assertFalse(message.contains("5500000000000004"), message);
            assertFalse(message.contains("bob@example.org"), message);
        }
    }

    @Test
    void b4ErrorsOnRowsOutsideTheRowFilterNeverHappen() throws Exception {
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), shop().rows("fred",
                "SELECT id FROM " + ORDERS + " WHERE CASE WHEN region = 'APAC' THEN 1/(id - id) ELSE 1 END = 1 ORDER BY id"));
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), shop().rows("fred",
                "SELECT id FROM " + ORDERS + " WHERE 1/(amount - 300) < 1 ORDER BY id"));
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), shop().rows("fred",
                "SELECT id FROM " + ORDERS + " WHERE CAST(CASE WHEN region = 'APAC' THEN 'x' ELSE '1' END AS INT) = 1 ORDER BY id"));
        SQLException gov = shop().failure("gov", "SELECT id FROM " + ORDERS + " WHERE 1/(amount - 300) < 1");
        assertEquals("DIVISION_BY_ZERO", code(gov), fullMessage(gov));
    }

    @Test
    void b1AndB2PrunedAndCountedScansStillApplyTheRestriction() throws Exception {
        // region is the partition column: a pruned scan of region=APAC would find one file of one row in the manifests.
        assertEquals(List.of(List.of(0L)), shop().rows("fred", "SELECT count(*) FROM " + ORDERS + " WHERE region = 'APAC'"));
        assertEquals(List.of(), shop().rows("fred", "SELECT id FROM " + ORDERS + " WHERE region IN ('APAC') LIMIT 1"));
        assertEquals(List.of(List.of(0L)), shop().rows("ana_eu", "SELECT count(*) FROM " + ORDERS + " WHERE region = 'US'"));
        assertEquals(List.of(List.of(2L)), shop().rows("ana_eu", "SELECT count(*) FROM " + ORDERS + " WHERE region = 'EU'"));
        assertEquals(List.of(List.of(1L)), shop().rows("gov", "SELECT count(*) FROM " + ORDERS + " WHERE region = 'APAC'"));
        assertEquals(List.of(List.of(3L)), shop().rows("fred", "SELECT count(*) FROM " + ORDERS + " WHERE id BETWEEN 1 AND 4"));
        assertEquals(List.of(List.of(1L, 3L)), shop().rows("ana_eu", "SELECT min(id), max(id) FROM " + ORDERS));
    }

    @Test
    void b6MetadataTablesOfAnInvisibleTableDoNotExist() throws Exception {
        SQLException hidden = shop().failure("ana_eu", "SELECT * FROM vault.keys.\"secrets$snapshots\"");
        SQLException missing = shop().failure("ana_eu", "SELECT * FROM vault.keys.\"secrits$snapshots\"");
        assertEquals("TABLE_NOT_FOUND", code(hidden), fullMessage(hidden));
        assertEquals(fullMessage(missing).replace("secrits", "secrets"), fullMessage(hidden));
        SQLException joined = shop().failure("fred", "SELECT count(*) FROM " + ORDERS + " o JOIN shop.sales.\"orders$files\" f ON f.record_count = o.id");
        assertEquals("PERMISSION_DENIED", code(joined), fullMessage(joined));
        assertEquals(1, shop().rows("gov", "SELECT snapshot_id FROM vault.keys.\"secrets$snapshots\"").size());
    }

    @Test
    void b7SamePlanTextPerPrincipalGetsEachPrincipalsRows() throws Exception {
        String sql = "SELECT id FROM " + ORDERS + " ORDER BY id";
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L), List.of(4L)), shop().rows("gov", sql));
            assertEquals(List.of(List.of(1L), List.of(3L)), shop().rows("ana_eu", sql));
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), shop().rows("fred", sql));
            assertEquals(List.of(List.of(2L)), shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS + " WHERE amount IS NOT NULL"));
        }
    }

    @Test
    void b7HotReloadChangesWhatAPreparedStatementReturnsWithoutRestart() throws Exception {
        shop().writePolicy("b7.yaml", reloadGrant("region = 'EU'", "[id, region]"));
        try (Connection connection = awaitConnection("rita");
                PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + ORDERS + " ORDER BY id")) {
            assertEquals(List.of(List.of(1L, "EU"), List.of(3L, "EU")), awaitResult(statement, List.of(List.of(1L, "EU"), List.of(3L, "EU"))));
            String revision = lastRecord("rita").get("policy_revision").asText();

            shop().writePolicy("b7.yaml", reloadGrant("region = 'US'", "[id, region]"));
            assertEquals(List.of(List.of(2L, "US")), awaitResult(statement, List.of(List.of(2L, "US"))),
                    "the prepared statement follows the new revision's rows");
            assertNotEquals(revision, lastRecord("rita").get("policy_revision").asText());

            // Fewer columns: the statement prepared for the old columns must not answer with them.
            shop().writePolicy("b7.yaml", reloadGrant("region = 'US'", "[id]"));
            SQLException changed = awaitStatementFailure(statement);
            assertEquals("INVALID_REQUEST", code(changed), fullMessage(changed));
            assertTrue(fullMessage(changed).contains("prepare it again"), fullMessage(changed));
            try (PreparedStatement again = connection.prepareStatement("SELECT * FROM " + ORDERS + " ORDER BY id");
                    ResultSet result = again.executeQuery()) {
                assertEquals(List.of(List.of(2L)), GovernedShop.read(result));
            }
        } finally {
            shop().deletePolicy("b7.yaml");
        }
        SQLException gone = awaitFailureOf("rita", "SELECT id FROM " + ORDERS);
        assertEquals("TABLE_NOT_FOUND", code(gone), fullMessage(gone));
    }

    @Test
    void auditRecordNamesGrantsRestrictionsAndColumnsButNoValues() throws Exception {
        String sql = "SELECT id, card, email FROM " + ORDERS + " WHERE card LIKE '%1111' AND email <> '" + EMAIL_1 + "'";
        assertEquals(2, shop().rows("fred", sql).size());
        JsonNode record = lastRecord("fred");
        assertEquals("SELECT id, card, email FROM shop.sales.orders WHERE card LIKE ? AND email <> ?", record.get("statement").get("text").asText());
        assertEquals("ALLOW_RESTRICTED", record.get("decision").asText(), record.toString());
        assertEquals(2, record.get("rows").asLong());
        assertFalse(record.get("policy_revision").asText().isBlank());
        assertNotEquals("none", record.get("policy_revision").asText());
        JsonNode relation = record.get("relations").get(0);
        assertEquals(ORDERS, relation.get("object").asText());
        assertEquals(List.of("fraud-orders"), texts(relation.get("grants")));
        assertEquals(List.of("hash-emails", "hide-apac"), texts(relation.get("restrictions")));
        assertEquals(List.of("notes"), texts(relation.get("columns").get("hidden")));
        assertTrue(texts(relation.get("columns").get("masked")).containsAll(List.of("card", "email", "address")), relation.toString());
        assertFalse(texts(relation.get("columns").get("visible")).contains("notes"), relation.toString());

        shop().rows("ana_us_ops", "SELECT id, amount FROM " + ORDERS);
        JsonNode cells = lastRecord("ana_us_ops").get("relations").get(0);
        assertTrue(texts(cells.get("columns").get("cell_nulled")).contains("amount"), cells.toString());
        assertEquals(List.of("analysts-internal", "ops-eu"), texts(cells.get("grants")));

        shop().failure("nobody", "SELECT * FROM " + ORDERS + " WHERE region = 'APAC'");
        JsonNode denied = lastRecord("nobody");
        assertTrue(List.of("DENY", "ERROR").contains(denied.get("decision").asText()), denied.toString());
        assertEquals("SELECT * FROM shop.sales.orders WHERE region = ?", denied.get("statement").get("text").asText());

        shop().rows("gov", "SELECT * FROM " + ORDERS + " WHERE notes = 'first note' OR card = '" + CARD_1 + "'");
        assertEquals("ALLOW", lastRecord("gov").get("decision").asText());

        String file = Files.readString(shop().auditFile);
        for (String value : PROTECTED) {
            assertFalse(file.contains(value), value + " in the audit log");
        }
    }

    private static String reloadGrant(String rows, String columns) {
        return """
                grants:
                  - id: reloaders-orders
                    to: {groups: [reloaders]}
                    permissions: [SELECT]
                    on: {table: shop.sales.orders}
                    columns: {include: %s}
                    rows: "%s"
                """.formatted(columns, rows);
    }

    private static Connection awaitConnection(String user) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                shop().rows(user, "SELECT count(*) FROM " + ORDERS);
                return shop().connect(user);
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }

    private static List<List<Object>> awaitResult(PreparedStatement statement, List<List<Object>> expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<List<Object>> rows;
            try (ResultSet result = statement.executeQuery()) {
                rows = GovernedShop.read(result);
            }
            if (rows.equals(expected) || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(250);
        }
    }

    private static SQLException awaitStatementFailure(PreparedStatement statement) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (ResultSet result = statement.executeQuery()) {
                GovernedShop.read(result);
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the policy changed the statement's columns but it still answers after 20 s");
    }

    private static SQLException awaitFailureOf(String user, String sql) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                shop().rows(user, sql);
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the grant was removed but " + user + " still reads the table after 20 s");
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

    private static List<String> column(ResultSet rows, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(name));
            }
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
