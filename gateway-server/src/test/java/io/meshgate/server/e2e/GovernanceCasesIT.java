package io.meshgate.server.e2e;

import static io.meshgate.server.e2e.GovernedShop.CARD_1;
import static io.meshgate.server.e2e.GovernedShop.CARD_3;
import static io.meshgate.server.e2e.GovernedShop.EMAIL_1;
import static io.meshgate.server.e2e.GovernedShop.ORDERS;
import static io.meshgate.server.e2e.GovernedShop.code;
import static io.meshgate.server.e2e.GovernedShop.fullMessage;
import static io.meshgate.server.e2e.GovernedShop.sqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POLICY.md section 7, cases 1 to 12, 14 and 15, end to end: a real Meshgate server on an Iceberg
 * table, queried through Arrow's Flight SQL JDBC driver, each query written to get around the rule
 * it checks. Case 13 (resource links) is in {@link ResourceLinksIT} and {@link ResourceLinkBindingIT}.
 */
class GovernanceCasesIT {
    @RegisterExtension
    static final GovernedShop.Fixture SHOP = new GovernedShop.Fixture();

    private static GovernedShop shop() {
        return SHOP.get();
    }

    @Test
    void case1AnalystSelectStarSeesInternalColumnsOfOwnRegion() throws Exception {
        assertEquals(List.of("id", "region", "amount", "day"), shop().columns("ana_eu", "SELECT * FROM " + ORDERS));
        assertEquals(List.of(
                        List.of(1L, "EU", 100, LocalDate.of(2024, 1, 1)),
                        List.of(3L, "EU", 80, LocalDate.of(2024, 1, 3))),
                shop().rows("ana_eu", "SELECT * FROM " + ORDERS + " ORDER BY id"));
        assertEquals(List.of("id", "region", "amount", "day"), shop().columns("ana_eu", "SELECT o.* FROM " + ORDERS + " o"),
                "a qualified star expands the same way");
        assertEquals(List.of("id", "region", "amount", "day", "id0", "region0", "amount0", "day0"),
                shop().columns("ana_eu", "SELECT * FROM " + ORDERS + " a CROSS JOIN " + ORDERS + " b"));
    }

    @Test
    void case2HiddenColumnFailsExactlyLikeMissingColumn() {
        for (String[] pair : List.of(new String[] {"email", "emial"}, new String[] {"notes", "nots"}, new String[] {"address", "adress"})) {
            SQLException hidden = shop().failure("ana_eu", "SELECT " + pair[0] + " FROM " + ORDERS);
            SQLException missing = shop().failure("ana_eu", "SELECT " + pair[1] + " FROM " + ORDERS);
            assertEquals("COLUMN_NOT_FOUND", code(hidden), fullMessage(hidden));
            assertEquals(sqlState(missing), sqlState(hidden));
            assertEquals(hidden.getSQLState(), missing.getSQLState());
            assertEquals(fullMessage(missing).replace(pair[1], pair[0]), fullMessage(hidden));
        }
        SQLException hiddenInWhere = shop().failure("ana_eu", "SELECT id FROM " + ORDERS + " WHERE notes = 'x'");
        SQLException missingInWhere = shop().failure("ana_eu", "SELECT id FROM " + ORDERS + " WHERE nots = 'x'");
        assertEquals(fullMessage(missingInWhere).replace("nots", "notes"), fullMessage(hiddenInWhere));
    }

    @Test
    void case2InvisibleTableFailsExactlyLikeMissingTable() {
        SQLException hidden = shop().failure("ana_eu", "SELECT * FROM vault.keys.secrets");
        SQLException missing = shop().failure("ana_eu", "SELECT * FROM vault.keys.secrits");
        assertEquals("TABLE_NOT_FOUND", code(hidden), fullMessage(hidden));
        assertEquals(fullMessage(missing).replace("secrits", "secrets"), fullMessage(hidden));
        SQLException none = shop().failure("nobody", "SELECT * FROM " + ORDERS);
        SQLException noneMissing = shop().failure("nobody", "SELECT * FROM shop.sales.ordres");
        assertEquals(fullMessage(noneMissing).replace("ordres", "orders"), fullMessage(none));
    }

    @Test
    void case3AnalystAndOpsSeesCellLevelNulls() throws Exception {
        assertEquals(List.of("id", "region", "email", "amount", "day"), shop().columns("ana_us_ops", "SELECT * FROM " + ORDERS));
        List<List<Object>> rows = shop().rows("ana_us_ops", "SELECT id, region, email, amount, day FROM " + ORDERS + " ORDER BY id");
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(Arrays.asList(1L, null, hmac(EMAIL_1), null, null), rows.get(0), "row 1 is only covered by ops: {id, email}");
        assertEquals(Arrays.asList(2L, "US", null, 250, LocalDate.of(2024, 1, 2)), rows.get(1), "row 2 only by analysts: no email");
        assertEquals(3L, rows.get(2).get(0));
        assertEquals(null, rows.get(2).get(1));
        assertEquals(null, rows.get(2).get(3));
    }

    @Test
    void case4PredicateSeesShownValueNotRawValue() throws Exception {
        assertEquals(List.of(List.of(2L)), shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS + " WHERE amount > 90 ORDER BY id"));
        assertEquals(List.of(List.of(2L)), shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS + " WHERE amount IS NOT NULL"));
        assertEquals(List.of(List.of(1L), List.of(3L)),
                shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS + " WHERE region IS NULL ORDER BY id"));
        assertEquals(List.of(), shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS + " WHERE region = 'EU'"));
        assertEquals(List.of(), shop().rows("ana_us_ops", "SELECT id FROM " + ORDERS + " WHERE amount BETWEEN 99 AND 101"));
        assertEquals(List.of(List.of(1L)), shop().rows("ana_us_ops", "SELECT count(*) FROM " + ORDERS + " WHERE amount > 0"));
    }

    @Test
    void case5PredicateOnMaskedColumnSeesMaskedValue() throws Exception {
        assertEquals(List.of(), shop().rows("fred", "SELECT id FROM " + ORDERS + " WHERE card = '" + CARD_1 + "'"));
        assertEquals(List.of(), shop().rows("fred", "SELECT id FROM " + ORDERS + " WHERE card IN ('" + CARD_1 + "', '" + CARD_3 + "')"));
        assertEquals(List.of(), shop().rows("fred", "SELECT id FROM " + ORDERS + " WHERE card LIKE '4111%'"));
        assertEquals(List.of(), shop().rows("fred", "SELECT id FROM " + ORDERS + " WHERE substring(card, 1, 4) = '4111'"));
        assertEquals(List.of(List.of(1L), List.of(3L)), shop().rows("fred", "SELECT id FROM " + ORDERS + " WHERE card LIKE '%1111' ORDER BY id"));
        assertEquals(List.of(List.of("************1111")), shop().rows("fred", "SELECT card FROM " + ORDERS + " WHERE id = 1"));
    }

    @Test
    void case6JoinOnMaskedColumnJoinsMaskedValues() throws Exception {
        // Rows 1 and 3 have different cards with the same last four digits: joined on masked values they match each other.
        assertEquals(List.of(List.of(1L, 1L), List.of(1L, 3L), List.of(2L, 2L), List.of(3L, 1L), List.of(3L, 3L)),
                shop().rows("fred", "SELECT a.id, b.id FROM " + ORDERS + " a JOIN " + ORDERS + " b ON a.card = b.card ORDER BY 1, 2"));
        assertEquals(List.of(), shop().rows("fred", "SELECT o.id FROM " + ORDERS + " o JOIN (VALUES ('" + CARD_1 + "')) AS v(c) ON o.card = v.c"));
        assertEquals(List.of(), shop().rows("fred", "SELECT o.id FROM " + ORDERS + " o WHERE o.card IN (SELECT c FROM (VALUES ('"
                + CARD_1 + "')) AS v(c))"));
        // The hashed email joins to the HMAC of the raw value, never to the raw value itself.
        assertEquals(List.of(), shop().rows("fred", "SELECT o.id FROM " + ORDERS + " o JOIN (VALUES ('" + EMAIL_1 + "')) AS v(e) ON o.email = v.e"));
        assertEquals(List.of(List.of(1L)), shop().rows("fred", "SELECT o.id FROM " + ORDERS + " o JOIN (VALUES ('" + hmac(EMAIL_1)
                + "')) AS v(e) ON o.email = v.e"));
    }

    @Test
    void case7AggregatesCountOnlyVisibleRows() throws Exception {
        assertEquals("[[2, 80, 100, 180]]",
                shop().rows("ana_eu", "SELECT count(*), min(amount), max(amount), sum(amount) FROM " + ORDERS).toString());
        assertEquals(List.of(List.of(3L, 1L, 250, 250)), shop().rows("ana_us_ops", "SELECT count(*), count(amount), min(amount), max(amount) FROM " + ORDERS));
        assertEquals(List.of(List.of(3L, "EU", "US")), shop().rows("fred", "SELECT count(*), min(region), max(region) FROM " + ORDERS));
        assertEquals(List.of(List.of(4L, "APAC", 300)), shop().rows("gov", "SELECT count(*), min(region), max(amount) FROM " + ORDERS));
        assertEquals(List.of(List.of(2L)), shop().rows("ana_eu", "SELECT count(id) FROM " + ORDERS));
        assertEquals(List.of(List.of(2L)), shop().rows("ana_eu", "SELECT count(*) FROM " + ORDERS + " WHERE id > 0"));
    }

    @Test
    void case8FailingPredicateRunsOnlyOnVisibleRows() throws Exception {
        assertEquals(List.of(List.of(1L), List.of(3L)),
                shop().rows("ana_eu", "SELECT id FROM " + ORDERS + " WHERE 1/(amount-250) < 1 ORDER BY id"));
        assertEquals(List.of(List.of(1L), List.of(3L)),
                shop().rows("ana_eu", "SELECT id FROM " + ORDERS + " WHERE 1/(amount-250) > -1 ORDER BY id"));
        SQLException division = shop().failure("gov", "SELECT id FROM " + ORDERS + " WHERE 1/(amount-250) < 1");
        assertEquals("DIVISION_BY_ZERO", code(division), fullMessage(division));
    }

    @Test
    void case9ExplainShowsBarrierWithoutPolicyText() throws Exception {
        for (String user : List.of("ana_eu", "ana_us_ops", "fred")) {
            String plan = explain(user, "EXPLAIN PLAN FOR SELECT id, amount FROM " + ORDERS + " WHERE id > 0");
            assertTrue(plan.contains("PolicyBarrier(table=[shop.sales.orders])"), plan);
            for (String secret : List.of("APAC", "'EU'", "EU", "region", ":principal", "analysts-internal", "ops-eu", "fraud-orders",
                    "hide-apac", "hash-emails", "rowcount", "rows=", "cost", "HASH", "SHOW_LAST_N", "hmac", "showLastN", "notes")) {
                assertFalse(plan.contains(secret), user + ": " + secret + " in " + plan);
            }
        }
        String masked = explain("fred", "EXPLAIN PLAN FOR SELECT card, email FROM " + ORDERS);
        for (String secret : List.of("showLastN", "hmac", "SHOW_LAST_N", "HASH", "APAC", GovernedShop.HASH_KEY)) {
            assertFalse(masked.contains(secret), secret + " in " + masked);
        }
        String governance = explain("gov", "EXPLAIN PLAN FOR SELECT id FROM " + ORDERS);
        assertFalse(governance.contains("PolicyBarrier"), governance);
    }

    @Test
    void case9ExplainWithAttributesOrAsJsonLeaksNothingEither() throws Exception {
        for (String sql : List.of("EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR SELECT id FROM " + ORDERS,
                "EXPLAIN PLAN AS JSON FOR SELECT id FROM " + ORDERS,
                "EXPLAIN PLAN WITH TYPE FOR SELECT id FROM " + ORDERS,
                "EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT id FROM " + ORDERS)) {
            String plan;
            try {
                plan = explain("ana_eu", sql);
            } catch (SQLException e) {
                plan = fullMessage(e);
            }
            for (String secret : List.of("APAC", "EU", "region", "principal", "rowcount", "hide-apac", "analysts-internal")) {
                assertFalse(plan.contains(secret), sql + ": " + secret + " in " + plan);
            }
        }
    }

    @Test
    void case10HashIsKeyedHmacNotBareSha256() throws Exception {
        String shown = (String) shop().rows("fred", "SELECT email FROM " + ORDERS + " WHERE id = 1").get(0).get(0);
        String bare = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(EMAIL_1.getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(bare, shown);
        assertEquals(hmac(EMAIL_1), shown);
        assertEquals(List.of(List.of(EMAIL_1)), shop().rows("gov", "SELECT email FROM " + ORDERS + " WHERE id = 1"), "privacy is exempt");
    }

    @Test
    void case11NestedFieldOfMaskedStructStaysMasked() throws Exception {
        assertEquals(List.of(Arrays.asList(1L, null, null), Arrays.asList(2L, null, null), Arrays.asList(3L, null, null)),
                shop().rows("fred", "SELECT o.id, o.address.city, o.address.zip FROM " + ORDERS + " o ORDER BY o.id"));
        assertEquals(List.of(), shop().rows("fred", "SELECT o.id FROM " + ORDERS + " o WHERE o.address.city = 'Lyon'"));
        assertEquals(List.of(), shop().rows("fred", "SELECT o.id FROM " + ORDERS + " o WHERE o.address.zip LIKE '69%'"));
        assertEquals(List.of(List.of(3L)), shop().rows("fred", "SELECT count(*) FROM " + ORDERS + " o WHERE o.address IS NULL"));
        assertEquals(List.of(Arrays.asList(null, 3L)),
                shop().rows("fred", "SELECT o.address.city, count(*) FROM " + ORDERS + " o GROUP BY o.address.city"));
        assertEquals(List.of(List.of("Lyon")), shop().rows("gov", "SELECT o.address.city FROM " + ORDERS + " o WHERE o.id = 1"));
        SQLException hidden = shop().failure("ana_eu", "SELECT o.address.city FROM " + ORDERS + " o");
        SQLException missing = shop().failure("ana_eu", "SELECT o.adress.city FROM " + ORDERS + " o");
        assertEquals(fullMessage(missing).replace("adress", "address"), fullMessage(hidden));
    }

    @Test
    void case12MetadataTablesNeedFullAccess() throws Exception {
        for (String user : List.of("ana_eu", "ana_us_ops", "fred")) {
            for (String kind : List.of("files", "partitions", "snapshots", "history")) {
                SQLException denied = shop().failure(user, "SELECT * FROM shop.sales.\"orders$" + kind + "\"");
                assertEquals("PERMISSION_DENIED", code(denied), user + " " + kind + ": " + fullMessage(denied));
                assertEquals("42501", sqlState(denied));
                for (String value : List.of("APAC", "region=", "parquet", "record_count")) {
                    assertFalse(fullMessage(denied).replace("SELECT", "").contains(value), value + " in " + fullMessage(denied));
                }
            }
        }
        List<List<Object>> files = shop().rows("gov", "SELECT file_path, record_count FROM shop.sales.\"orders$files\" ORDER BY file_path");
        assertEquals(3, files.size(), files.toString());
        assertTrue(files.stream().anyMatch(row -> row.get(0).toString().contains("region=APAC")), files.toString());
        SQLException invisible = shop().failure("nobody", "SELECT * FROM shop.sales.\"orders$files\"");
        SQLException missing = shop().failure("nobody", "SELECT * FROM shop.sales.\"ordres$files\"");
        assertEquals("TABLE_NOT_FOUND", code(invisible));
        assertEquals(fullMessage(missing).replace("ordres", "orders"), fullMessage(invisible));
    }

    @Test
    void case14TwoGrantsWithMasksOfEqualStrengthFailWithMaskConflict() throws Exception {
        shop().writePolicy("case14.yaml", """
                grants:
                  - id: conflict-last
                    to: {groups: [conflicted]}
                    permissions: [SELECT]
                    on: {table: shop.sales.orders}
                    columns: {include: [id, card]}
                    masks:
                      - {columns: [card], mask: {fn: SHOW_LAST_N, n: 4}}
                  - id: conflict-first
                    to: {groups: [conflicted]}
                    permissions: [SELECT]
                    on: {table: shop.sales.orders}
                    columns: {include: [id, card]}
                    masks:
                      - {columns: [card], mask: {fn: SHOW_FIRST_N, n: 4}}
                """);
        try {
            SQLException conflict = awaitFailure("carl", "SELECT id, card FROM " + ORDERS);
            String message = fullMessage(conflict);
            assertEquals("MASK_CONFLICT", code(conflict), message);
            assertEquals("42501", sqlState(conflict));
            assertTrue(message.contains("card"), message);
            for (String policyText : List.of("SHOW_LAST_N", "SHOW_FIRST_N", "conflict-last", "conflict-first", "n: 4", "APAC")) {
                assertFalse(message.contains(policyText), policyText + " in " + message);
            }
            SQLException other = shop().failure("carl", "SELECT id FROM " + ORDERS);
            assertEquals("MASK_CONFLICT", code(other), "the whole table is refused, not only the card column: " + fullMessage(other));
        } finally {
            shop().deletePolicy("case14.yaml");
        }
    }

    @Test
    void case15InvalidPolicyFileIsRejectedWholeAndPreviousSetKeepsAnswering() throws Exception {
        SQLException before = shop().failure("late", "SELECT id FROM " + ORDERS);
        assertEquals("TABLE_NOT_FOUND", code(before));
        // A valid grant for late next to an invalid one: the file must be rejected whole, the valid grant too.
        shop().writePolicy("case15.yaml", """
                grants:
                  - id: latecomers-orders
                    to: {groups: [latecomers]}
                    permissions: [SELECT]
                    on: {table: shop.sales.orders}
                    columns: {all: true}
                  - id: broken
                    to: {groups: [latecomers]}
                    permissions: [SELEKT]
                    on: {table: shop.sales.orders}
                """);
        Thread.sleep(5_000);
        SQLException during = shop().failure("late", "SELECT id FROM " + ORDERS);
        assertEquals("TABLE_NOT_FOUND", code(during), "the broken file must not take effect: " + fullMessage(during));
        assertEquals(List.of(List.of(1L), List.of(3L)), shop().rows("ana_eu", "SELECT id FROM " + ORDERS + " ORDER BY id"),
                "the previous set keeps answering");
        assertEquals(List.of(List.of("************1111")), shop().rows("fred", "SELECT card FROM " + ORDERS + " WHERE id = 1"));

        shop().writePolicy("case15.yaml", """
                grants:
                  - id: latecomers-orders
                    to: {groups: [latecomers]}
                    permissions: [SELECT]
                    on: {table: shop.sales.orders}
                    columns: {include: [id]}
                """);
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), awaitRows("late", "SELECT id FROM " + ORDERS + " ORDER BY id"));
    }

    private static SQLException awaitFailure(String user, String sql) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                List<List<Object>> rows = shop().rows(user, sql);
                if (System.nanoTime() > deadline) {
                    fail("still no failure after 20 s: " + rows);
                }
            } catch (SQLException e) {
                if (!code(e).equals("TABLE_NOT_FOUND") || System.nanoTime() > deadline) {
                    return e;
                }
            }
            Thread.sleep(250);
        }
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

    private static String explain(String user, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        for (List<Object> row : shop().rows(user, sql)) {
            row.forEach(cell -> plan.append(cell).append('\n'));
        }
        return plan.toString();
    }

    static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(GovernedShop.HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
