package io.meshgate.engine;

import static io.meshgate.engine.LinkedShop.ORDERS_LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.Link;
import io.meshgate.engine.catalog.LinkBinding;
import io.meshgate.engine.catalog.LinkOwner;
import io.meshgate.engine.catalog.LinkStatus;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.ObjectName;
import io.meshgate.engine.catalog.VisibleLink;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How links bind (POLICY.md section 4): to the UUID of the table their target is when bound. A
 * target dropped, or dropped and re-created, leaves the link DANGLING (a missing table to users,
 * a status to its owner) until the links are bound again; a schema link reaches only the tables
 * its target held when bound; a link that cannot be bound breaks no other.
 */
class LinkBindingTest {
    private RootAllocator allocator;
    private LinkedShop shop;

    @BeforeEach
    void setUp(@TempDir Path policies) {
        allocator = new RootAllocator();
        shop = new LinkedShop(allocator, policies);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private MeshgateException failure(String user, String sql) {
        return assertThrows(MeshgateException.class, () -> shop.run(user, sql), user + ": " + sql);
    }

    private List<VisibleLink> listed(String user) {
        return shop.engine.catalogView(Principal.of(user)).links(Optional.empty(), s -> true, t -> true);
    }

    private void recreateOrders(String uuid) {
        shop.connector.drop("sales", "orders");
        shop.connector.create("sales", "orders", LinkedShop.ORDERS, List.<Object[]>of(
                new Object[] {7L, "EU", "new@example.com", "4999999999999999", 1, 19100, "new"}), uuid);
    }

    @Test
    void aTargetDroppedAndRecreatedIsNotFollowedUntilTheLinksAreBoundAgain() {
        assertEquals(List.of(List.of(1L), List.of(3L)), shop.run("carol", "SELECT id FROM " + ORDERS_LINK + " ORDER BY id"));
        recreateOrders("orders-uuid-2");

        MeshgateException dangling = failure("carol", "SELECT id FROM " + ORDERS_LINK);
        MeshgateException missing = failure("carol", "SELECT id FROM analytics.sales.ordres");
        assertEquals(ErrorCode.TABLE_NOT_FOUND, dangling.code());
        assertEquals(missing.getMessage().replace("ordres", "orders"), dangling.getMessage(), "a dangling link is a missing table to users");
        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure("dave", "SELECT id FROM bi.copy.orders").code(), "links to it dangle too");
        assertTrue(listed("carol").stream().noneMatch(l -> l.name().qualifiedName().equals(ORDERS_LINK)), "users do not list it");
        VisibleLink owned = listed("olga").stream().filter(l -> l.name().qualifiedName().equals(ORDERS_LINK)).findFirst().orElseThrow();
        assertEquals(LinkStatus.DANGLING, owned.status(), "its owner sees it dangling");
        assertEquals(Optional.of("shop.sales.orders"), owned.target());

        shop.catalog.links().rebind();
        assertEquals(List.of(List.of(7L)), shop.run("carol", "SELECT id FROM " + ORDERS_LINK));
        assertEquals(List.of(List.of(7L)), shop.run("dave", "SELECT id FROM bi.copy.orders"));
    }

    @Test
    void aTargetDroppedWithoutReplacementDangles() {
        shop.connector.drop("sales", "orders");
        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure("carol", "SELECT id FROM " + ORDERS_LINK).code());
        shop.catalog.links().rebind();
        assertEquals(List.of("items"), shop.catalog.links().tableNames("analytics", "sales"), "bound again, the schema link lost the table");
        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure("carol", "SELECT id FROM " + ORDERS_LINK).code());
    }

    @Test
    void aStatementPreparedBeforeTheTargetWasReplacedNeverReadsTheNewTable() {
        try (PreparedQuery query = shop.engine.prepare(Session.of(Principal.of("carol")), "SELECT id FROM " + ORDERS_LINK + " ORDER BY id")) {
            try (BatchStream rows = query.execute()) {
                assertEquals(List.of(List.of(1L), List.of(3L)), Rows.read(rows));
            }
            recreateOrders("orders-uuid-3");
            MeshgateException stale = assertThrows(MeshgateException.class, () -> {
                try (BatchStream rows = query.execute()) {
                    Rows.read(rows);
                }
            });
            assertEquals(ErrorCode.TABLE_NOT_FOUND, stale.code());
            assertEquals("Table '" + ORDERS_LINK + "' does not exist", stale.getMessage());
            shop.catalog.links().rebind();
            try (BatchStream rows = query.execute()) {
                assertEquals(List.of(List.of(7L)), Rows.read(rows), "bound again, the statement is planned again");
            }
        }
    }

    @Test
    void aSchemaLinkReachesOnlyTheTablesItsTargetHeldWhenBound() {
        shop.connector.create("sales", "returns", LinkedShop.ITEMS, List.<Object[]>of(new Object[] {1L, 1}), "returns-uuid");
        assertEquals(List.of("items", "orders"), shop.catalog.links().tableNames("analytics", "sales"));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure("carol", "SELECT * FROM analytics.sales.returns").code());

        List<LinkBinding> bound = shop.catalog.links().rebind();
        assertEquals(List.of("items", "orders", "returns"), bound.stream()
                .filter(b -> b.link().name().qualifiedName().equals("analytics.sales")).findFirst().orElseThrow().tables());
        assertEquals(ErrorCode.TABLE_NOT_FOUND, failure("carol", "SELECT * FROM analytics.sales.returns").code(),
                "reachable now, but the producer grants the owner nothing on it");
        assertEquals(List.of("analytics.sales.returns"), listed("olga").stream().map(l -> l.name().qualifiedName())
                .filter(n -> n.endsWith("returns")).toList());
    }

    @Test
    void withoutPoliciesEveryoneReadsThroughLinksWhole() {
        QueryEngine open = new QueryEngine(shop.catalog, allocator);
        assertEquals(List.of(List.of(4L, 6)), Rows.run(open, Session.of(Principal.of("anyone")),
                "SELECT count(*), max(length(notes)) FROM bi.copy.orders"));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, assertThrows(MeshgateException.class,
                () -> Rows.run(open, Session.of(Principal.of("anyone")), "SELECT * FROM loop.a.t")).code());
    }

    @Test
    void aLinkWhoseCatalogFailsIsUnavailableAndTheOthersStillBind() {
        Connector failing = new Connector() {
            @Override
            public List<String> schemaNames() {
                return List.of("s");
            }

            @Override
            public List<String> tableNames(String schema) {
                return List.of("t");
            }

            @Override
            public Optional<TableMetadata> table(SchemaTableName name) {
                throw new IllegalStateException("catalog down");
            }

            @Override
            public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator allocator) {
                throw new IllegalStateException("catalog down");
            }

            @Override
            public void close() {
            }
        };
        LinkOwner owner = new LinkOwner(Optional.of("olga"), Set.of());
        MeshCatalog catalog = new MeshCatalog(List.of(new Domain("down", failing, List.of()), new Domain("shop", shop.connector, List.of())),
                List.of(new Link(ObjectName.parse("x.y.down"), ObjectName.parse("down.s.t"), owner),
                        new Link(ObjectName.parse("x.y.up"), ObjectName.parse("shop.sales.items"), owner)));
        Map<String, LinkStatus> statuses = Map.of(
                "x.y.down", catalog.links().bindings().get(0).status(), "x.y.up", catalog.links().bindings().get(1).status());
        assertEquals(Map.of("x.y.down", LinkStatus.UNAVAILABLE, "x.y.up", LinkStatus.OK), statuses);
        assertTrue(catalog.links().bindings().get(0).detail().contains("catalog down"), catalog.links().bindings().get(0).detail());
    }

    @Test
    void linksCannotLiveInADomainThatHoldsDataNorBeDefinedTwice() {
        LinkOwner owner = new LinkOwner(Optional.empty(), Set.of("g"));
        Domain shopDomain = new Domain("shop", shop.connector, List.of());
        IllegalArgumentException inData = assertThrows(IllegalArgumentException.class, () -> new MeshCatalog(List.of(shopDomain),
                List.of(new Link(ObjectName.parse("shop.sales.copy"), ObjectName.parse("shop.sales.orders"), owner))));
        assertTrue(inData.getMessage().contains("holds data"), inData.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MeshCatalog(List.of(shopDomain), List.of(
                new Link(ObjectName.parse("a.b.c"), ObjectName.parse("shop.sales.orders"), owner),
                new Link(ObjectName.parse("a.b.c"), ObjectName.parse("shop.sales.items"), owner))));
        assertThrows(IllegalArgumentException.class, () -> new MeshCatalog(List.of(shopDomain), List.of(
                new Link(ObjectName.parse("a.b"), ObjectName.parse("shop.sales"), owner),
                new Link(ObjectName.parse("a.b.c"), ObjectName.parse("shop.sales.items"), owner))));
        assertThrows(IllegalArgumentException.class, () -> new Link(ObjectName.parse("a.b"), ObjectName.parse("shop.sales.items"), owner));
    }
}
