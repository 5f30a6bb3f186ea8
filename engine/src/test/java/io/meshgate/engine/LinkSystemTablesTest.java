package io.meshgate.engine;

import static io.meshgate.engine.LinkedShop.ORDERS_LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh.meta.links} and {@code mesh.meta.lineage} through SQL on the linked shop: a user
 * has rows for the link names it may read through, an owner for its links whatever their status,
 * and a link's target is named only to principals who may know it (POLICY.md section 4, R2).
 */
class LinkSystemTablesTest {
    private static final String LINKS = "SELECT domain, schema_name, table_name, kind, target, status FROM mesh.meta.links"
            + " ORDER BY domain, schema_name, table_name";
    private static final String LINEAGE = "SELECT domain, schema_name, table_name, object_type, reads FROM mesh.meta.lineage"
            + " ORDER BY domain, schema_name, table_name";

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

    @Test
    void aUserSeesTheLinksItReadsThroughButNotTargetsItMayNotSee() {
        assertEquals(List.of(
                        row("analytics", "sales", "items", "SCHEMA", null, "OK"),
                        row("analytics", "sales", "orders", "SCHEMA", null, "OK")),
                shop.run("carol", LINKS), "carol reads through the schema link; shop.sales is not hers to know");
        assertEquals(List.of(row("bi", "copy", "orders", "TABLE", null, "OK")), shop.run("dave", LINKS),
                "dave reads through the link to a link, and knows neither what is behind it");
        assertEquals(List.of(), shop.run("nobody", LINKS));
    }

    @Test
    void aTargetThePrincipalSeesDirectlyIsNamed() {
        assertEquals(List.of(
                        row("analytics", "sales", "items", "SCHEMA", null, "OK"),
                        row("analytics", "sales", "orders", "SCHEMA", "shop.sales.orders", "OK")),
                shop.run("both", LINKS));
    }

    @Test
    void anOwnerSeesItsLinksWithTheirStatusIncludingDangling() {
        assertEquals(List.of(
                        row("analytics", "sales", "items", "SCHEMA", "shop.sales.items", "OK"),
                        row("analytics", "sales", "orders", "SCHEMA", "shop.sales.orders", "OK"),
                        row("broken", "x", "gone", "TABLE", "shop.sales.nope", "DANGLING")),
                shop.run("olga", LINKS));
        assertEquals(List.of(List.of(ORDERS_LINK)),
                shop.run("olga", "SELECT domain || '.' || schema_name || '.' || table_name FROM mesh.meta.links"
                        + " WHERE table_name = 'orders' AND kind = 'SCHEMA'"));
    }

    @Test
    void lineageNamesTheProductAtTheEndOfTheChainOnlyToWhoMayKnowIt() {
        assertEquals(List.of(
                        row("analytics", "sales", "items", "LINK", "shop.sales.items"),
                        row("analytics", "sales", "orders", "LINK", "shop.sales.orders")),
                shop.run("olga", LINEAGE), "a dangling link reads nothing and has no row");
        assertEquals(List.of(row("bi", "copy", "orders", "LINK", null)), shop.run("dave", LINEAGE));
        assertEquals(List.of(
                        row("analytics", "sales", "items", "LINK", null),
                        row("analytics", "sales", "orders", "LINK", "shop.sales.orders")),
                shop.run("both", LINEAGE));
        assertEquals(List.of(), shop.run("nobody", LINEAGE));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
