package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.product.ProductFiles;
import io.meshgate.engine.product.Products;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query on a deprecated data product answers with a warning until the product's sunset date,
 * however the query reaches the product, and fails with PRODUCT_RETIRED after it, also for a
 * statement prepared before; product files changed after a statement was prepared hold for it.
 */
class DeprecatedProductsTest {
    private static final String WARNING = "Product shop.sales.returns is deprecated: it answers until its sunset on 2026-06-30,"
            + " then queries on it fail (ask returns@example.com what replaces it)";
    private static final Session SESSION = Session.of(Principal.of("ana"));

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-30T23:59:00Z"));
    private final AtomicReference<ProductFiles> files = new AtomicReference<>();
    private RootAllocator allocator;
    private QueryEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        allocator = new RootAllocator();
        Schema schema = new Schema(List.of(new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        InMemoryConnector shop = new InMemoryConnector(Map.of("sales", Map.of(
                "orders", new InMemoryConnector.Table(schema, List.of(new Object[] {1L}, new Object[] {2L})),
                "returns", new InMemoryConnector.Table(schema, List.<Object[]>of(new Object[] {2L}),
                        Map.of("meshgate.status", "deprecated", "meshgate.sunset", "2026-06-30", "meshgate.contact", "returns@example.com"),
                        OptionalLong.empty()))), 10);
        files.set(ProductFiles.none());
        engine = new QueryEngine(new MeshCatalog(List.of(new Domain("shop", shop, List.of())), new Products(files::get, clock)), allocator);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private List<String> warnings(String sql) {
        try (PreparedQuery query = engine.prepare(SESSION, sql)) {
            return query.warnings();
        }
    }

    @Test
    void aQueryOnADeprecatedProductWarnsHoweverItReachesIt() {
        assertEquals(List.of(), warnings("SELECT * FROM shop.sales.orders"));
        assertEquals(List.of(WARNING), warnings("SELECT * FROM shop.sales.returns"));
        assertEquals(List.of(WARNING), warnings("SELECT o.id FROM shop.sales.orders o WHERE o.id IN (SELECT id FROM shop.sales.returns)"));
        assertEquals(List.of(WARNING), warnings("WITH r AS (SELECT id FROM shop.sales.returns) SELECT * FROM r a JOIN r b ON a.id = b.id"),
                "once per product, however often the query reads it");
        assertEquals(List.of(WARNING), warnings("EXPLAIN SELECT * FROM shop.sales.returns"));
        assertEquals(List.of(), warnings("SELECT * FROM mesh.meta.products"), "describing the product is not reading it");
    }

    @Test
    void theDayAfterTheSunsetTheQueryFails() {
        clock.set(Instant.parse("2026-07-01T00:00:00Z"));
        MeshgateException e = assertThrows(MeshgateException.class, () -> warnings("SELECT count(*) FROM shop.sales.returns"));
        assertEquals(ErrorCode.PRODUCT_RETIRED, e.code());
        assertEquals("Cannot query shop.sales.returns: the product was retired after its sunset on 2026-06-30"
                + " (ask returns@example.com what replaces it)", e.getMessage());
        assertEquals(List.of(List.of("retired")), Rows.run(engine, SESSION, "SELECT status FROM mesh.meta.products WHERE table_name = 'returns'"));
    }

    @Test
    void aStatementPreparedBeforeTheSunsetFailsWhenRunAfterIt() {
        try (PreparedQuery query = engine.prepare(SESSION, "SELECT id FROM shop.sales.returns")) {
            try (BatchStream rows = query.execute()) {
                assertEquals(List.of(List.of(2L)), Rows.read(rows));
            }
            clock.set(Instant.parse("2026-07-01T00:00:01Z"));
            assertEquals(ErrorCode.PRODUCT_RETIRED, assertThrows(MeshgateException.class, query::warnings).code());
            assertEquals(ErrorCode.PRODUCT_RETIRED, assertThrows(MeshgateException.class, query::execute).code());
        }
    }

    @Test
    void productFilesChangedAfterPreparingHoldForThePreparedStatement() throws IOException {
        try (PreparedQuery query = engine.prepare(SESSION, "SELECT id FROM shop.sales.orders")) {
            assertEquals(List.of(), query.warnings());
            Files.writeString(folder.resolve("shop.yaml"), "products:\n  - {name: shop.sales.orders, status: deprecated, owner: shop-team}\n");
            files.set(ProductFiles.load(folder));
            assertEquals(List.of("Product shop.sales.orders is deprecated (ask shop-team what replaces it)"), query.warnings());
            Files.writeString(folder.resolve("shop.yaml"), "products:\n  - {name: shop.sales.orders, status: retired}\n");
            files.set(ProductFiles.load(folder));
            assertEquals(ErrorCode.PRODUCT_RETIRED, assertThrows(MeshgateException.class, query::execute).code());
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock in UTC");
        }
    }
}
