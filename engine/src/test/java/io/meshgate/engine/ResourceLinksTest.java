package io.meshgate.engine;

import static io.meshgate.engine.LinkedShop.CARD_1;
import static io.meshgate.engine.LinkedShop.ORDERS_LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.LinkBinding;
import io.meshgate.engine.catalog.LinkStatus;
import io.meshgate.engine.catalog.VisibleLink;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.planner.QueryPlanner;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlExplainLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads through resource links (POLICY.md section 4, case 13) with the real policy loader and
 * evaluator: what a consumer gets is at most what the producer grants the link's owner, however the
 * query tries to get more (hidden columns, raw values behind masks, links to links, joins with the
 * target, errors), and a link bound to a table never follows a new one under the same name.
 */
class ResourceLinksTest {
    private static RootAllocator allocator;
    private static LinkedShop shop;

    @BeforeAll
    static void setUp(@TempDir Path policies) {
        allocator = new RootAllocator();
        shop = new LinkedShop(allocator, policies);
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static MeshgateException failure(LinkedShop in, String user, String sql) {
        return assertThrows(MeshgateException.class, () -> in.run(user, sql), user + ": " + sql);
    }

    private static List<String> columns(LinkedShop in, String user, String sql) {
        try (PreparedQuery query = in.engine.prepare(Session.of(Principal.of(user)), sql)) {
            return query.resultSchema().getFields().stream().map(f -> f.getName()).toList();
        }
    }

    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(LinkedShop.KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<VisibleLink> listed(LinkedShop in, String user) {
        return in.engine.catalogView(Principal.of(user)).links(Optional.empty(), s -> true, t -> true);
    }

    @Test
    void consumerThroughLinkGetsAtMostWhatTheProducerGrantsTheOwner() throws Exception {
        // The producer gives the owner every column but notes, non-US rows, the card's last 4; the
        // consumer grant names id, region, email, card, amount; APAC is hidden from carol (not cleared).
        assertEquals(List.of("id", "region", "email", "card", "amount"), columns(shop, "carol", "SELECT * FROM " + ORDERS_LINK));
        assertEquals(List.of(
                        List.of(1L, "EU", hmac("ann@example.com"), "************1111", 100),
                        List.of(3L, "EU", hmac("cid@example.net"), "************0002", 80)),
                shop.run("carol", "SELECT * FROM " + ORDERS_LINK + " ORDER BY id"));
        assertEquals(List.of(List.of(2L)), shop.run("carol", "SELECT count(*) FROM " + ORDERS_LINK));
    }

    @Test
    void restrictionsOfTheCallerAndOfTheOwnerBothApply() throws Exception {
        // petra is cleared and in privacy; the owner is exempt from hide-apac but not from hash-emails.
        assertEquals(List.of(
                        List.of(1L, hmac("ann@example.com")), List.of(3L, hmac("cid@example.net")), List.of(4L, hmac("dee@example.com"))),
                shop.run("petra", "SELECT id, email FROM " + ORDERS_LINK + " ORDER BY id"));
        // carol is exempt from neither: no APAC row, whatever the owner may see.
        assertEquals(List.of(), shop.run("carol", "SELECT id FROM " + ORDERS_LINK + " WHERE region = 'APAC'"));
    }

    @Test
    void columnHiddenThroughTheLinkFailsExactlyLikeAMissingOne() {
        for (String[] pair : List.of(new String[] {"notes", "nots"}, new String[] {"day", "dya"})) {
            MeshgateException hidden = failure(shop, "carol", "SELECT " + pair[0] + " FROM " + ORDERS_LINK);
            MeshgateException missing = failure(shop, "carol", "SELECT " + pair[1] + " FROM " + ORDERS_LINK);
            assertEquals(ErrorCode.COLUMN_NOT_FOUND, hidden.code());
            assertEquals(missing.getMessage().replace(pair[1], pair[0]), hidden.getMessage());
        }
    }

    @Test
    void predicatesAndJoinsThroughTheLinkSeeWhatTheOwnerSees() {
        assertEquals(List.of(), shop.run("carol", "SELECT id FROM " + ORDERS_LINK + " WHERE card = '" + CARD_1 + "'"));
        assertEquals(List.of(List.of(1L)), shop.run("carol", "SELECT id FROM " + ORDERS_LINK + " WHERE card LIKE '%1111'"));
        assertEquals(List.of(), shop.run("carol", "SELECT l.id FROM " + ORDERS_LINK + " l JOIN (VALUES ('" + CARD_1 + "')) AS v(c) ON l.card = v.c"));
        assertEquals(List.of(), shop.run("carol", "SELECT id FROM " + ORDERS_LINK + " WHERE amount = 250"), "row 2 is US: the owner never sees it");
    }

    @Test
    void aGrantOnTheLinkCannotFilterOnWhatTheOwnerDoesNotSee() {
        // sneak's grant filters on notes, which the owner does not get: it cannot be evaluated and is dropped (R8).
        MeshgateException sneak = failure(shop, "sneak", "SELECT id FROM " + ORDERS_LINK);
        assertEquals(failure(shop, "sneak", "SELECT id FROM analytics.sales.ordres").getMessage().replace("ordres", "orders"), sneak.getMessage());
        // peek's grant compares the card with a full number: it sees the masked card, which never matches.
        assertEquals(List.of(), shop.run("peek", "SELECT id FROM " + ORDERS_LINK));
    }

    @Test
    void aLinkToALinkCannotLaunderWhatTheMiddleOwnerDoesNotGet() {
        // dave may read every column of bi.copy.orders, but its owner (bi-team) gets only id and card on analytics.sales.orders.
        assertEquals(List.of("id", "card"), columns(shop, "dave", "SELECT * FROM bi.copy.orders"));
        assertEquals(List.of(List.of(1L, "************1111"), List.of(3L, "************0002")),
                shop.run("dave", "SELECT * FROM bi.copy.orders ORDER BY id"));
        MeshgateException region = failure(shop, "dave", "SELECT region FROM bi.copy.orders");
        assertEquals(failure(shop, "dave", "SELECT regoin FROM bi.copy.orders").getMessage().replace("regoin", "region"), region.getMessage());
        MeshgateException skip = failure(shop, "dave", "SELECT id FROM " + ORDERS_LINK);
        assertEquals(ErrorCode.TABLE_NOT_FOUND, skip.code(), "dave has no grant on the middle link itself");
    }

    @Test
    void withoutAGrantOnTheLinkItDoesNotExist() {
        for (String user : List.of("direct", "nobody", "olga")) {
            MeshgateException hidden = failure(shop, user, "SELECT * FROM " + ORDERS_LINK);
            MeshgateException missing = failure(shop, user, "SELECT * FROM analytics.sales.ordres");
            assertEquals(ErrorCode.TABLE_NOT_FOUND, hidden.code(), user);
            assertEquals(missing.getMessage().replace("ordres", "orders"), hidden.getMessage(), user);
        }
    }

    @Test
    void aJoinOfLinkAndTargetKeepsEachSidesOwnPolicy() {
        // both reads the link as a consumer and the target directly (id and notes only).
        List<List<Object>> rows = shop.run("both", "SELECT l.id, l.card, t.notes FROM " + ORDERS_LINK + " l JOIN shop.sales.orders t ON l.id = t.id ORDER BY 1");
        assertEquals(List.of(List.of(1L, "************1111", "first"), List.of(3L, "************0002", "third")), rows);
        assertEquals(ErrorCode.COLUMN_NOT_FOUND, failure(shop, "both", "SELECT t.card FROM " + ORDERS_LINK + " l JOIN shop.sales.orders t ON l.id = t.id").code());
        assertEquals(List.of(), shop.run("both", "SELECT l.id FROM " + ORDERS_LINK + " l JOIN shop.sales.orders t ON l.card = t.notes"));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure(shop, "carol", "SELECT t.id FROM shop.sales.orders t").code(),
                "the link gives carol nothing on the target itself");
    }

    @Test
    void explainShowsTheBarriersUnderTheLinkNameOnly() {
        String plan = (String) shop.run("carol", "EXPLAIN SELECT id, card FROM " + ORDERS_LINK + " WHERE id > 0").get(0).get(0);
        assertTrue(plan.contains("PolicyBarrier(table=[analytics.sales.orders])"), plan);
        for (String secret : List.of("shop", "US", "APAC", "region", "SHOW_LAST_N", "showLastN", "notes", "analytics-team")) {
            assertFalse(plan.contains(secret), secret + " in " + plan);
        }
    }

    @Test
    void everyReadThroughLinksStacksOneBarrierPerLayerOverTheTargetsScan() {
        QueryPlanner planner = new QueryPlanner(shop.catalog, shop.governance, SystemTables.standard());
        assertEquals(2, barriersOverScan(planner, "carol", "SELECT id, card FROM " + ORDERS_LINK + " WHERE id = 3 AND card LIKE '%2'"),
                "the owner's layer and carol's");
        assertEquals(2, barriersOverScan(planner, "dave", "SELECT id, card FROM bi.copy.orders"),
                "the owner's and bi-team's; dave's own grant shows all bi-team sees, so its layer needs no barrier");
        String plan = plan(planner, "carol", "SELECT id FROM " + ORDERS_LINK + " WHERE id = 3 AND card LIKE '%2'");
        String above = plan.substring(0, plan.indexOf("EnumerablePolicyBarrier"));
        assertTrue(above.contains("LIKE"), "the predicate on the masked card stays above every barrier:\n" + plan);
        assertTrue(plan.contains("filter=[id = 3]"), "id is plain in every layer: it prunes the target's scan:\n" + plan);
        shop.run("carol", "SELECT id FROM " + ORDERS_LINK + " WHERE id = 3");
        assertTrue(shop.connector.lastSpec.filter().isPresent(), "the target's connector was asked with the pushed predicate");
    }

    private static String plan(QueryPlanner planner, String user, String sql) {
        Principal principal = Principal.of(user);
        return RelOptUtil.toString(planner.plan(shop.engine.catalogView(principal), Session.of(principal), sql).plan(), SqlExplainLevel.ALL_ATTRIBUTES);
    }

    /** The number of barriers, checking they are stacked directly on each other over one scan (a pushed filter may sit between). */
    private static int barriersOverScan(QueryPlanner planner, String user, String sql) {
        List<String> lines = plan(planner, user, sql).lines().map(String::trim).toList();
        int first = 0;
        while (!lines.get(first).startsWith("EnumerablePolicyBarrier")) {
            first++;
        }
        int count = 0;
        int i = first;
        for (; lines.get(i).startsWith("EnumerablePolicyBarrier") || lines.get(i).startsWith("EnumerableCalc"); i++) {
            count += lines.get(i).startsWith("EnumerablePolicyBarrier") ? 1 : 0;
        }
        assertTrue(lines.get(i).startsWith("MeshTableScan"), String.join("\n", lines));
        return count;
    }

    @Test
    void theAuditRelationNamesTheTargetAndTheLinks() {
        try (PreparedQuery query = shop.engine.prepare(Session.of(Principal.of("dave")), "SELECT id FROM bi.copy.orders")) {
            RelationAccess relation = query.relations().get(0);
            assertEquals("shop.sales.orders", relation.object());
            assertEquals("orders-uuid-1", relation.uuid());
            assertEquals(List.of("bi.copy.orders", ORDERS_LINK), relation.via());
            assertEquals(2, relation.below().size());
            assertFalse(relation.fullAccess());
            assertTrue(relation.decisions().stream().anyMatch(d -> d.grants().contains("producer-to-analytics")), relation.toString());
            assertTrue(relation.decision().grants().contains("bi-users-on-copy"));
        }
    }

    @Test
    void aCycleIsReportedForItsLinksAndBreaksNothingElse() {
        Map<String, LinkBinding> bindings = shop.catalog.links().bindings().stream()
                .collect(Collectors.toMap(b -> b.link().name().qualifiedName(), b -> b));
        assertEquals(LinkStatus.CYCLE, bindings.get("loop.a.t").status());
        assertTrue(bindings.get("loop.a.t").detail().contains("loop.a.t -> loop.b.t -> loop.a.t"), bindings.get("loop.a.t").detail());
        assertEquals(LinkStatus.CYCLE, bindings.get("loop.b.t").status());
        assertEquals(LinkStatus.DANGLING, bindings.get("broken.x.gone").status());
        assertEquals(LinkStatus.OK, bindings.get("analytics.sales").status());
        assertEquals(List.of("items", "orders"), bindings.get("analytics.sales").tables());
        assertEquals(LinkStatus.OK, bindings.get("bi.copy.orders").status());

        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure(shop, "looper", "SELECT * FROM loop.a.t").code());
        assertEquals(List.of("loop.a.t", "loop.b.t"), listed(shop, "looper").stream().map(l -> l.name().qualifiedName()).toList());
        assertTrue(listed(shop, "looper").stream().allMatch(l -> l.status() == LinkStatus.CYCLE && l.table().isEmpty()));
        CatalogView carol = shop.engine.catalogView(Principal.of("carol"));
        assertEquals(List.of("analytics"), carol.domainNames(), "loops list nothing to carol, and nothing else breaks");
        assertEquals(List.of("sales"), carol.schemaNames("analytics"));
        assertEquals(List.of("items", "orders"), carol.tableNames("analytics", "sales"));
    }

    @Test
    void listingsShowUsersTheLinksTheyReadAndOwnersEveryStatus() {
        List<VisibleLink> carol = listed(shop, "carol");
        assertEquals(List.of("analytics.sales.items", ORDERS_LINK), carol.stream().map(l -> l.name().qualifiedName()).toList());
        VisibleLink orders = carol.get(1);
        assertEquals(LinkStatus.OK, orders.status());
        assertEquals(Optional.empty(), orders.target(), "carol does not see shop.sales.orders: its name is not hers to know");
        assertEquals(List.of("id", "region", "email", "card", "amount"),
                orders.table().orElseThrow().metadata().schema().getFields().stream().map(f -> f.getName()).toList());
        assertEquals(Optional.of("shop.sales.orders"), listed(shop, "both").get(1).target(), "both sees the target directly");

        List<VisibleLink> olga = listed(shop, "olga");
        assertEquals(List.of("analytics.sales.items", ORDERS_LINK, "broken.x.gone"), olga.stream().map(l -> l.name().qualifiedName()).toList());
        VisibleLink gone = olga.get(2);
        assertEquals(LinkStatus.DANGLING, gone.status());
        assertEquals(Optional.of("shop.sales.nope"), gone.target());
        assertTrue(olga.stream().allMatch(l -> l.table().isEmpty()), "the owner has no grant on its own links: it lists them, reads nothing");
        assertEquals(List.of("analytics.sales", "broken.x.gone"), shop.engine.catalogView(Principal.of("olga")).ownedLinks().stream()
                .map(b -> b.link().name().qualifiedName()).toList());
        assertEquals(List.of(), shop.engine.catalogView(Principal.of("carol")).ownedLinks());
        assertEquals(List.of(), listed(shop, "nobody"));
    }
}
