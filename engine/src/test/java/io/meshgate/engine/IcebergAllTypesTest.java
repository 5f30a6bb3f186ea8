package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.AllTypesTable;
import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.planner.QueryPlanner;
import io.meshgate.engine.planner.policy.PolicyBinder;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.CellCase;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ColumnKind;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Iceberg type through the engine ({@link AllTypesTable}): scalar values and extremes as
 * written, element access on lists, maps and structs nested in each other, filters on collections
 * kept out of the scan, and masks and row filters on a table with collection columns.
 */
class IcebergAllTypesTest {
    private static final String TABLE = "types.t.all_types";
    private static final RowRule ALL_ROWS = new RowRule(List.of(), List.of());

    @TempDir
    static Path directory;
    private static IcebergConnector connector;
    private static RootAllocator allocator;
    private static QueryEngine engine;
    private static QueryPlanner planner;

    @BeforeAll
    static void setUp() {
        connector = IcebergConnector.open(new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve("types.db"), Optional.empty(),
                Optional.empty(), "types", directory.resolve("warehouse").toUri().toString(), S3Options.defaults()));
        AllTypesTable.create(connector.catalog(), Namespace.of("t"));
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                "admin", t -> AccessDecision.unrestricted("fixed", t),
                "masked", t -> decision(t, new RowRule(List.of(), List.of("id <> 3")), plainExcept(t,
                        Map.of("tags", always(Mask.of(MaskFunction.NULLIFY)), "scores", always(Mask.of(MaskFunction.NULLIFY)),
                                "info", always(Mask.of(MaskFunction.NULLIFY)))),
                        Set.of("id", "s")),
                "custom", t -> decision(t, ALL_ROWS, plainExcept(t,
                        Map.of("tags", always(Mask.custom("CASE WHEN id = 1 THEN tags END", 4)))), Set.of("id")),
                "mistyped", t -> decision(t, ALL_ROWS, plainExcept(t, Map.of("scores", always(Mask.custom("'not a map'", 4)))), Set.of("id")));
        allocator = new RootAllocator();
        Governance governance = new Governance(new FixedDecisions(decisions, Map.of()), HashKey.of("a-test-key-of-enough-length"));
        MeshCatalog catalog = new MeshCatalog(List.of(new Domain("types", connector, List.of())));
        engine = new QueryEngine(catalog, allocator, governance);
        planner = new QueryPlanner(catalog, governance, SystemTables.standard());
    }

    /** Every column of {@code table}, unmasked unless {@code masks} names it. */
    private static Map<String, List<CellCase>> plainExcept(TableDescriptor table, Map<String, List<CellCase>> masks) {
        Map<String, List<CellCase>> columns = new HashMap<>();
        table.columns().forEach(c -> columns.put(c.name(), masks.getOrDefault(c.name(), always(Mask.NONE))));
        return columns;
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
        connector.close();
    }

    private static List<List<Object>> run(String user, String sql) {
        return Rows.run(engine, Session.of(Principal.of(user)), sql);
    }

    private static String plan(String user, String sql) {
        Principal principal = Principal.of(user);
        return RelOptUtil.toString(planner.plan(engine.catalogView(principal), Session.of(principal), sql).plan(),
                SqlExplainLevel.ALL_ATTRIBUTES);
    }

    private static Record written(int id) {
        return AllTypesTable.rows().get(id - 1);
    }

    @Test
    void scalarColumnsComeBackAsWrittenWithTimesInMilliseconds() {
        List<List<Object>> rows = run("admin", "SELECT id, b, i, l, f, d, dec38, dec9, dt, t, ts, tstz, s, u, fx, bin FROM " + TABLE + " ORDER BY id");
        assertEquals(5, rows.size());
        for (List<Object> row : rows) {
            Record expected = written((Integer) row.get(0));
            assertEquals(Arrays.asList(expected.getField("b"), expected.getField("i"), expected.getField("l"), expected.getField("f"),
                    expected.getField("d"), expected.getField("dec38"), expected.getField("dec9")), row.subList(1, 8), "row " + row.get(0));
            assertEquals(expected.getField("dt"), row.get(8), "dt");
            LocalTime t = (LocalTime) expected.getField("t");
            assertEquals(t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toNanoOfDay() / 1000, row.get(9), "t in microseconds");
            LocalDateTime ts = (LocalDateTime) expected.getField("ts");
            assertEquals(ts == null ? null : ts.truncatedTo(ChronoUnit.MILLIS), row.get(10), "ts");
            OffsetDateTime tstz = (OffsetDateTime) expected.getField("tstz");
            assertEquals(tstz == null ? null : tstz.toInstant().toEpochMilli() * 1000, row.get(11), "tstz as UTC microseconds");
            assertEquals(expected.getField("s"), row.get(12), "s");
            assertEquals(expected.getField("u") == null ? null : expected.getField("u").toString(), row.get(13), "u");
            assertEquals(hex(expected.getField("fx")), hex(row.get(14)), "fx");
            assertEquals(hex(expected.getField("bin")), hex(row.get(15)), "bin");
        }
    }

    @Test
    void resultTypesAreIcebergsArrowTypes() {
        try (PreparedQuery query = engine.prepare(Session.of(Principal.of("admin")), "SELECT t, ts, tstz, u, fx, bin, tags, scores, events FROM " + TABLE)) {
            Schema schema = query.resultSchema();
            assertEquals(List.of(new ArrowType.Time(TimeUnit.MICROSECOND, 64), new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
                    new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), ArrowType.Utf8.INSTANCE, new ArrowType.FixedSizeBinary(4),
                    ArrowType.Binary.INSTANCE, ArrowType.List.INSTANCE, new ArrowType.Map(false), ArrowType.List.INSTANCE),
                    schema.getFields().stream().map(f -> f.getType()).toList());
            assertEquals(ArrowType.Struct.INSTANCE, schema.findField("events").getChildren().get(0).getType());
        }
    }

    @Test
    void collectionsComeBackWholeWithNullElementsAndValues() {
        List<List<Object>> rows = run("admin", "SELECT id, tags, scores, point, events, info FROM " + TABLE + " ORDER BY id");
        assertEquals(Arrays.asList(1, Arrays.asList("a", null, "c"), map("x", 1, "y", null), List.of(1.5, "p"),
                List.of(Arrays.asList("e1", 1), Arrays.asList("e2", null)), List.of(List.of(1L, 2L), map("k", "v"))), rows.get(0));
        assertEquals(Arrays.asList(2, List.of(), Map.of(), Arrays.asList(null, null), Arrays.asList((Object) null),
                Arrays.asList(null, Map.of())), rows.get(1), "empty collections, a struct of NULLs, a NULL struct element");
        assertEquals(Arrays.asList(3, null, null, null, List.of(), null), rows.get(2));
        assertEquals(Arrays.asList(4, null, null, null, null, null), rows.get(3));
    }

    @Test
    void elementAccessIsOneBasedAndMissingElementsAreNull() {
        assertEquals(List.of(Arrays.asList("a", null, "c", null, 1, null, null, 3, 2, 2L, "e2", "v")),
                run("admin", "SELECT tags[1], tags[2], tags[3], tags[4], scores['x'], scores['y'], scores['nope'], cardinality(tags), "
                        + "cardinality(scores), t.info.codes[2], events[2].name, t.info.props['k'] FROM " + TABLE + " t WHERE id = 1"));
    }

    @Test
    void filterOnElementsRunsAboveTheScan() {
        String sql = "SELECT id FROM " + TABLE + " t WHERE tags[1] = 'a' OR scores['only'] = 0 OR cardinality(events) = 0 OR tags IS NULL";
        assertEquals(List.of(List.of(1), List.of(3), List.of(4), List.of(5)), run("admin", sql + " ORDER BY id"));
        String plan = plan("admin", sql);
        String scan = plan.lines().filter(l -> l.contains("MeshTableScan")).findFirst().orElseThrow();
        assertFalse(scan.contains("filter="), "nothing on a collection is pushed into the scan:\n" + plan);
        String mixed = plan("admin", "SELECT id FROM " + TABLE + " t WHERE id = 1 AND tags IS NOT NULL AND cardinality(tags) > 1");
        String mixedScan = mixed.lines().filter(l -> l.contains("MeshTableScan")).findFirst().orElseThrow();
        assertTrue(mixedScan.contains("filter=[id = 1]"), mixed);
        assertEquals(List.of(List.of(1)), run("admin", "SELECT id FROM " + TABLE + " t WHERE id = 1 AND tags IS NOT NULL AND cardinality(tags) > 1"));
    }

    @Test
    void castsOfCollectionsAndScalars() {
        assertEquals(List.of(List.of("123e4567-e89b-12d3-a456-426614174000", "1234.56", 42L, List.of("a", "c"))),
                run("admin", "SELECT CAST(u AS VARCHAR), CAST(dec9 AS VARCHAR), CAST(i AS BIGINT), CAST(ARRAY[tags[1], tags[3]] AS VARCHAR ARRAY) "
                        + "FROM " + TABLE + " WHERE id = 1"));
        assertEquals(List.of(List.of(1)), run("admin", "SELECT id FROM " + TABLE + " WHERE u = '123e4567-e89b-12d3-a456-426614174000'"));
    }

    @Test
    void nonAsciiLiteralsCompareWithText() {
        assertEquals(List.of(List.of(1, "Grüße, 世界 🌍")), run("admin", "SELECT id, 'Grüße, 世界 🌍' FROM " + TABLE + " WHERE s = 'Grüße, 世界 🌍'"));
        assertEquals(List.of(List.of(5)), run("admin", "SELECT id FROM " + TABLE + " t WHERE t.point.label = 'ü'"));
    }

    @Test
    void nanAndInfinitiesCompareAsNumbers() {
        assertEquals(List.of(List.of(2), List.of(5)), run("admin", "SELECT id FROM " + TABLE + " WHERE f > 1e38 ORDER BY id"));
        assertEquals(List.of(List.of(2)), run("admin", "SELECT id FROM " + TABLE + " WHERE d > 1e308"));
        assertEquals(List.of(List.of(3)), run("admin", "SELECT id FROM " + TABLE + " WHERE f < -1e38"));
    }

    @Test
    void nullifiedCollectionsCannotBeReadThroughElementAccess() {
        assertEquals(List.of(Arrays.asList(1, null, null, null, null, null, "Grüße, 世界 🌍")),
                run("masked", "SELECT id, tags, tags[1], scores['x'], cardinality(tags), t.info.codes[1], s FROM " + TABLE + " t WHERE id = 1"));
        assertEquals(List.of(), run("masked", "SELECT id FROM " + TABLE + " t WHERE tags[1] = 'a' OR scores['x'] = 1 OR t.info.props['k'] = 'v'"));
        assertEquals(List.of(List.of(0L)), run("masked", "SELECT count(*) FROM " + TABLE + " t WHERE cardinality(tags) >= 0"));
    }

    @Test
    void customMaskOnAListKeepsItsTypeAndMaskedRowsStayNull() {
        assertEquals(List.of(Arrays.asList(1, "a", 3), Arrays.asList(2, null, null), Arrays.asList(5, null, null)),
                run("custom", "SELECT id, tags[1], cardinality(tags) FROM " + TABLE + " WHERE id IN (1, 2, 5) ORDER BY id"));
    }

    @Test
    void customMaskOfTheWrongTypeOnAMapFailsClosed() {
        MeshgateException e = assertThrows(MeshgateException.class, () -> run("mistyped", "SELECT scores['x'] FROM " + TABLE));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("not a map"), e.getMessage());
        TableMetadata metadata = connector.table(new SchemaTableName("t", AllTypesTable.TABLE)).orElseThrow();
        PolicyBinder binder = new PolicyBinder(metadata, () -> new FixedDecisions(Map.of(), Map.of()).resolve(Principal.of("custom")));
        ColumnDescriptor scores = new ColumnDescriptor("scores", 18, ColumnKind.NESTED);
        assertTrue(binder.customMaskProblem("'not a map'", scores).isPresent(), "the policy is refused when it is loaded, too");
        assertEquals(Optional.empty(), binder.customMaskProblem("CASE WHEN id = 1 THEN scores END", scores));
    }

    @Test
    void rowFilterAppliesOnATableWithCollectionColumns() {
        assertEquals(List.of(List.of(1, List.of(1.5, "p")), List.of(2, Arrays.asList(null, null)), Arrays.asList(4, null), List.of(5, List.of(Double.NaN, "ü"))),
                run("masked", "SELECT id, point FROM " + TABLE + " ORDER BY id"));
    }

    @Test
    void wholeCollectionsOfStructsCannotBeCompared() {
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> run("admin", "SELECT DISTINCT events FROM " + TABLE));
        assertEquals(ErrorCode.NOT_SUPPORTED, e.code());
        MeshgateException sort = assertThrows(MeshgateException.class, () -> run("admin", "SELECT id FROM " + TABLE + " ORDER BY tags"));
        assertEquals(ErrorCode.NOT_SUPPORTED, sort.code());
        assertEquals(List.of(List.of(1L), List.of(1L)),
                run("admin", "SELECT count(*) FROM " + TABLE + " WHERE tags IS NOT NULL GROUP BY tags ORDER BY 1 LIMIT 2"));
    }

    private static String hex(Object bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return HexFormat.of().formatHex(copy);
        }
        return HexFormat.of().formatHex((byte[]) bytes);
    }

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
