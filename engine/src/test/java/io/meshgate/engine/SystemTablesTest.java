package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.engine.product.ProductFiles;
import io.meshgate.engine.product.Products;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.load.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system tables {@code mesh.meta.products}, {@code columns} and {@code freshness} through SQL,
 * for principals who see different parts of the mesh: a table a principal may not DESCRIBE has no
 * row anywhere, a column it may not see has none either, and counts agree.
 */
class SystemTablesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Principal ADMIN = new Principal("admin", Set.of("governance"));
    private static final Principal ANA = new Principal("ana", Set.of("analysts"));
    private static final Principal VIEWER = new Principal("vic", Set.of("viewers"));

    private static final String POLICY = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential, restricted], ordered: true}
              - {key: pii, values: [email]}
            assignments:
              - {on: {domain: shop}, tags: {sensitivity: internal}}
              - {on: {domain: vault}, tags: {sensitivity: restricted}}
              - {on: {column: shop.sales.orders.email}, tags: {pii: email, sensitivity: confidential}}
            grants:
              - {id: all, to: {groups: [governance]}, permissions: [SELECT, METADATA_READ], on: {all: true}, columns: {all: true}}
              - id: analysts
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {match: {key: sensitivity, at_most: internal}}
                columns: {match: SAME}
              - {id: viewers, to: {groups: [viewers]}, permissions: [DESCRIBE], on: {table: shop.sales.returns}, columns: {all: true}}
            """;

    @TempDir
    static Path directory;
    private static RootAllocator allocator;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() throws IOException {
        allocator = new RootAllocator();
        Schema orders = new Schema(List.of(
                column("id", new ArrowType.Int(64, true), false, "the order"), column("email", ArrowType.Utf8.INSTANCE, true, null),
                column("amount", new ArrowType.Decimal(12, 2, 128), true, null)));
        Schema returns = new Schema(List.of(column("id", new ArrowType.Int(64, true), false, null)));
        Schema secrets = new Schema(List.of(column("secret", ArrowType.Utf8.INSTANCE, true, null)));
        InMemoryConnector shop = new InMemoryConnector(Map.of("sales", Map.of(
                "orders", new InMemoryConnector.Table(orders, List.of(), Map.of(
                        "meshgate.owner", "shop-team", "meshgate.contact", "shop@example.com", "meshgate.description", "Orders",
                        "meshgate.sla.freshness", "1h", "meshgate.version", "3", "meshgate.access", "Ask shop-team"),
                        OptionalLong.of(NOW.minus(Duration.ofMinutes(150)).toEpochMilli())),
                "returns", new InMemoryConnector.Table(returns, List.of(), Map.of("meshgate.sla.freshness", "1d"),
                        OptionalLong.of(NOW.minus(Duration.ofMinutes(10)).toEpochMilli())))), 10);
        InMemoryConnector vault = new InMemoryConnector(Map.of("keys", Map.of("secrets", new InMemoryConnector.Table(secrets, List.of(),
                Map.of("meshgate.owner", "vault-team"), OptionalLong.empty()))), 10);
        Path products = Files.createDirectories(directory.resolve("products"));
        Files.writeString(products.resolve("shop.yaml"), """
                products:
                  - {name: shop.sales.returns, status: deprecated, sunset: 2026-12-31, owner: returns-team}
                """);
        Path policies = Files.createDirectories(directory.resolve("policies"));
        Files.writeString(policies.resolve("policy.yaml"), POLICY);
        Governance governance = new Governance(new PolicyEvaluator(PolicyLoader.load(policies, new PolicySqlChecker())),
                HashKey.of("system-tables-test-key"));
        ProductFiles files = ProductFiles.load(products);
        MeshCatalog catalog = new MeshCatalog(List.of(new Domain("shop", shop, List.of()), new Domain("vault", vault, List.of())),
                new Products(() -> files, Clock.fixed(NOW, ZoneOffset.UTC)));
        engine = new QueryEngine(catalog, allocator, governance);
    }

    @AfterAll
    static void tearDown() {
        allocator.close();
    }

    private static Field column(String name, ArrowType type, boolean nullable, String comment) {
        Map<String, String> metadata = comment == null ? Map.of() : Map.of("meshgate.comment", comment);
        return new Field(name, new FieldType(nullable, type, null, metadata), List.of());
    }

    private static List<List<Object>> run(Principal principal, String sql) {
        return Rows.run(engine, Session.of(principal), sql);
    }

    @Test
    void productsShowWhatOwnersSayWithStatusSlaAndTags() {
        assertEquals(List.of(
                Arrays.asList("shop", "sales", "orders", "shop.sales.orders", "shop-team", "shop@example.com", "Orders", "3", "active", null,
                        60L, "Ask shop-team", "sensitivity=internal"),
                Arrays.asList("shop", "sales", "returns", "shop.sales.returns", "returns-team", null, null, null, "deprecated",
                        LocalDate.of(2026, 12, 31), 1440L, null, "sensitivity=internal"),
                Arrays.asList("vault", "keys", "secrets", "vault.keys.secrets", "vault-team", null, null, null, "active", null, null, null,
                        "sensitivity=restricted")),
                run(ADMIN, "SELECT * FROM mesh.meta.products ORDER BY product"));
    }

    @Test
    void aRestrictedPrincipalGetsNoRowOfAHiddenTableAnywhere() {
        assertEquals(List.of(List.of("shop.sales.orders"), List.of("shop.sales.returns")),
                run(ANA, "SELECT product FROM mesh.meta.products ORDER BY product"));
        assertEquals(List.of(List.of(2L)), run(ANA, "SELECT count(*) FROM mesh.meta.products"));
        assertEquals(List.of(List.of(0L)), run(ANA, "SELECT count(*) FROM mesh.meta.columns WHERE domain = 'vault'"));
        assertEquals(List.of(List.of(2L)), run(ANA, "SELECT count(*) FROM mesh.meta.freshness"));
        assertEquals(List.of(List.of(3L)), run(ADMIN, "SELECT count(*) FROM mesh.meta.freshness"));
        assertEquals(List.of(), run(ANA, "SELECT * FROM mesh.meta.products WHERE table_name = 'secrets' OR owner = 'vault-team'"));
    }

    @Test
    void columnsAreOnlyTheVisibleOnesNumberedAmongThemselves() {
        assertEquals(List.of(
                Arrays.asList("id", 1, "BIGINT", false, "the order", "sensitivity=internal"),
                Arrays.asList("amount", 2, "DECIMAL(12,2)", true, null, "sensitivity=internal")),
                run(ANA, "SELECT column_name, ordinal_position, data_type, is_nullable, comment, tags FROM mesh.meta.columns"
                        + " WHERE table_name = 'orders' ORDER BY ordinal_position"));
        assertEquals(List.of(
                Arrays.asList("id", 1, "sensitivity=internal"),
                Arrays.asList("email", 2, "pii=email, sensitivity=confidential"),
                Arrays.asList("amount", 3, "sensitivity=internal")),
                run(ADMIN, "SELECT column_name, ordinal_position, tags FROM mesh.meta.columns WHERE table_name = 'orders' ORDER BY ordinal_position"));
    }

    @Test
    void describeOnlyShowsTheProductWithoutColumns() {
        assertEquals(List.of(List.of("shop.sales.returns")), run(VIEWER, "SELECT product FROM mesh.meta.products"));
        assertEquals(List.of(), run(VIEWER, "SELECT * FROM mesh.meta.columns"));
        assertEquals(List.of(List.of("returns")), run(VIEWER, "SELECT table_name FROM mesh.meta.freshness"));
    }

    @Test
    void freshnessSaysHowOldEachSnapshotIsAndWhetherItsSlaIsBreached() {
        assertEquals(List.of(
                Arrays.asList("orders", 1L, LocalDateTime.of(2026, 3, 1, 9, 30), 150L, 60L, true),
                Arrays.asList("returns", 1L, LocalDateTime.of(2026, 3, 1, 11, 50), 10L, 1440L, false),
                Arrays.asList("secrets", 1L, null, null, null, null)),
                run(ADMIN, "SELECT table_name, snapshot_id, last_updated, minutes_since, sla_minutes, breached FROM mesh.meta.freshness"
                        + " ORDER BY table_name"));
        assertEquals(List.of(Arrays.asList("orders", null, 150L, true)),
                run(ANA, "SELECT table_name, snapshot_id, minutes_since, breached FROM mesh.meta.freshness WHERE table_name = 'orders'"),
                "the snapshot id is metadata (B6): only for METADATA_READ with full access; the freshness is for all who see the product");
    }

    @Test
    void systemTablesJoinWithEachOtherAndResolveWhateverTheCase() {
        assertEquals(List.of(List.of("orders", 3L)), run(ADMIN, "SELECT p.table_name, count(*) FROM MESH.META.PRODUCTS p"
                + " JOIN mesh.meta.columns c ON c.domain = p.domain AND c.table_name = p.table_name WHERE p.owner = 'shop-team'"
                + " GROUP BY p.table_name"));
    }

    @Test
    void anUnknownSystemTableIsLikeAnyMissingTable() {
        MeshgateException e = assertThrows(MeshgateException.class, () -> run(ADMIN, "SELECT * FROM mesh.meta.nothing"));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, e.code());
    }

    @Test
    void explainNamesTheSystemTableScan() {
        String plan = run(ADMIN, "EXPLAIN SELECT product FROM mesh.meta.products").get(0).get(0).toString();
        assertTrue(plan.contains("SystemTableScan(table=[mesh.meta.products])"), plan);
    }

    @Test
    void aDomainCannotTakeTheSystemCatalogsName() {
        InMemoryConnector connector = new InMemoryConnector(Map.of(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeshCatalog(List.of(new Domain("Mesh", connector, List.of()))));
        assertEquals("Cannot build the mesh catalog: the domain name 'Mesh' is reserved for Meshgate's system tables (rename the domain)",
                e.getMessage());
    }
}
