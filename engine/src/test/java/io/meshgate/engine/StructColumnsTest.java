package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Struct columns read, dereferenced, filtered and returned whole, as Arrow structs. */
class StructColumnsTest {
    private static final Session ADMIN = Session.of(Principal.of("admin"));
    private static final List<Object> LYON = List.of("Lyon", "69001", List.of(45.76, 4.84));
    private static final List<Object> AUSTIN = Arrays.asList("Austin", "78701", null);
    private static final List<Object> OSAKA = Arrays.asList("Osaka", null, List.of(34.69, 135.5));

    private static RootAllocator allocator;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        engine = new QueryEngine(new CustomerAddresses().catalog, allocator);
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static List<List<Object>> run(String sql) {
        return Rows.run(engine, ADMIN, sql);
    }

    @Test
    void nestedFieldsAreSelectedThroughTheTableAlias() {
        assertEquals(List.of(List.of(1L, "Lyon", 45.76), Arrays.asList(2L, "Austin", null), Arrays.asList(3L, null, null), List.of(4L, "Osaka", 34.69)),
                run("SELECT t.id, t.address.city, t.address.geo.lat FROM shop.crm.customers t ORDER BY t.id"));
        assertEquals(List.of(List.of(1L, "gold")), run("SELECT t.id, t.account.tier FROM shop.crm.customers t WHERE t.id = 1"));
    }

    @Test
    void predicatesOnNestedFieldsFilterRows() {
        assertEquals(List.of(List.of(1L)), run("SELECT t.id FROM shop.crm.customers t WHERE t.address.city = 'Lyon'"));
        assertEquals(List.of(List.of(4L)), run("SELECT t.id FROM shop.crm.customers t WHERE t.address.geo.lon > 100"));
        // Row 3 has no address at all, so its fields are NULL too.
        assertEquals(List.of(List.of(2L), List.of(3L), List.of(4L)),
                run("SELECT t.id FROM shop.crm.customers t WHERE t.address.zip IS NULL OR t.address.geo IS NULL ORDER BY t.id"));
        assertEquals(List.of(List.of(3L)), run("SELECT t.id FROM shop.crm.customers t WHERE t.address IS NULL"));
    }

    @Test
    void wholeStructsAreReturnedWithTheirNulls() {
        assertEquals(List.of(
                        List.of(1L, "EU", LYON, List.of("gold")), List.of(2L, "US", AUSTIN, List.of("silver")),
                        Arrays.asList(3L, "EU", null, List.of("silver")), List.of(4L, "APAC", OSAKA, List.of("gold"))),
                run("SELECT * FROM shop.crm.customers ORDER BY id"));
        assertEquals(List.of(Arrays.asList(1L, null), List.of(2L, AUSTIN)),
                run("SELECT t.id, CASE WHEN t.id > 1 THEN t.address END FROM shop.crm.customers t WHERE t.id < 3 ORDER BY t.id"));
    }

    @Test
    void resultSchemaHasTheStructFieldsWithTheirChildren() {
        ArrowType dbl = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        Field geo = new Field("geo", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(new Field("lat", FieldType.nullable(dbl), List.of()), new Field("lon", FieldType.nullable(dbl), List.of())));
        Field address = new Field("address", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                new Field("city", FieldType.nullable(ArrowType.Utf8.INSTANCE), List.of()),
                new Field("zip", FieldType.nullable(ArrowType.Utf8.INSTANCE), List.of()), geo));
        Field account = new Field("account", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(new Field("tier", FieldType.nullable(ArrowType.Utf8.INSTANCE), List.of())));
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT address, account, t.address.geo AS g FROM shop.crm.customers t")) {
            assertEquals(new Schema(List.of(address, account, new Field("g", geo.getFieldType(), geo.getChildren()))), query.resultSchema());
        }
    }

    /** What the Flight SQL producer does with each batch: unload it and load it into vectors made from the result schema. */
    @Test
    void structBatchesSurviveTheFlightRoundTrip() {
        List<List<Object>> received = new ArrayList<>();
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT id, address FROM shop.crm.customers ORDER BY id");
                BatchStream batches = query.execute();
                VectorSchemaRoot client = VectorSchemaRoot.create(query.resultSchema(), allocator)) {
            VectorLoader loader = new VectorLoader(client);
            while (batches.next()) {
                try (ArrowRecordBatch batch = new VectorUnloader(batches.current()).getRecordBatch()) {
                    loader.load(batch);
                }
                received.addAll(Rows.read(client));
            }
        }
        assertEquals(List.of(List.of(1L, LYON), List.of(2L, AUSTIN), Arrays.asList(3L, null), List.of(4L, OSAKA)), received);
    }

    @Test
    void oneColumnStructRowsAreNotMistakenForRowArrays() {
        List<Object> gold = List.of(List.of("gold"));
        List<Object> silver = List.of(List.of("silver"));
        assertEquals(List.of(gold, silver, silver, gold), run("SELECT account FROM shop.crm.customers"));
        assertEquals(List.of(gold, silver, silver, gold, gold, silver, silver, gold),
                run("SELECT account FROM shop.crm.customers UNION ALL SELECT account FROM shop.crm.customers"));
        assertEquals(List.of(List.of(LYON), Arrays.asList((Object) null)),
                run("SELECT t.address FROM shop.crm.customers t WHERE t.region = 'EU' ORDER BY t.id"));
    }

    @Test
    void comparingWholeStructsIsNotSupported() {
        for (String sql : List.of(
                "SELECT DISTINCT address FROM shop.crm.customers",
                "SELECT address, count(*) FROM shop.crm.customers GROUP BY address",
                "SELECT a.id FROM shop.crm.customers a JOIN shop.crm.customers b ON a.address = b.address",
                "SELECT address FROM shop.crm.customers ORDER BY address",
                "SELECT account FROM shop.crm.customers UNION SELECT account FROM shop.crm.customers")) {
            MeshgateException e = assertThrows(MeshgateException.class, () -> run(sql), sql);
            assertEquals(ErrorCode.NOT_SUPPORTED, e.code(), sql);
            assertTrue(e.getMessage().contains("whole struct values"), e.getMessage());
        }
    }

    @Test
    void unknownNestedFieldIsAnUnknownColumn() {
        MeshgateException e = assertThrows(MeshgateException.class, () -> run("SELECT t.address.nope FROM shop.crm.customers t"));
        assertEquals(ErrorCode.COLUMN_NOT_FOUND, e.code());
    }
}
