package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.meshgate.policy.Principal;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 22 TPC-H queries of the demo mesh at scale 0.01, checked against DuckDB loaded with the same rows. */
class TpchQueriesTest {
    private static final Path QUERIES = Path.of("/work/shared/tpch");

    @TempDir
    static Path tempDir;

    private static RootAllocator allocator;
    private static TpchMesh mesh;
    private static QueryEngine engine;
    private static Connection duckdb;

    @BeforeAll
    static void setUp() throws Exception {
        allocator = new RootAllocator();
        mesh = new TpchMesh(0.01, 4096);
        engine = new QueryEngine(mesh.catalog, allocator);
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        mesh.loadInto(duckdb, tempDir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        duckdb.close();
        assertEquals(0, allocator.getAllocatedMemory(), "every buffer is released");
        allocator.close();
    }

    @ParameterizedTest(name = "q{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
    void answersLikeDuckDb(int number) throws Exception {
        String sql = Files.readString(QUERIES.resolve(String.format(Locale.ROOT, "q%02d.sql", number))).trim();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        long start = System.nanoTime();
        List<List<Object>> actual = Rows.run(engine, Session.of(Principal.of("test")), sql);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<List<Object>> expected = duckRows(sql);
        System.out.printf(Locale.ROOT, "TPC-H q%02d: %d rows in %d ms%n", number, actual.size(), millis);
        boolean ordered = sql.toUpperCase(Locale.ROOT).contains("ORDER BY");
        assertFalse(expected.isEmpty() && number != 0 && actual.isEmpty(), "q" + number + " returned no rows");
        assertEquals(expected.size(), actual.size(), "row count of q" + number);
        if (!ordered) {
            Comparator<List<Object>> byText = Comparator.comparing(Object::toString);
            expected.sort(byText);
            actual.sort(byText);
        }
        for (int r = 0; r < expected.size(); r++) {
            assertRow(number, r, expected.get(r), actual.get(r));
        }
    }

    private static void assertRow(int query, int rowNumber, List<Object> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size(), "columns of q" + query);
        for (int c = 0; c < expected.size(); c++) {
            Object e = expected.get(c);
            Object a = actual.get(c);
            String where = "q" + query + " row " + rowNumber + " column " + c + ": expected " + expected + " got " + actual;
            if (e instanceof Number en && a instanceof Number an) {
                double x = en.doubleValue();
                double y = an.doubleValue();
                assertTrue(Math.abs(x - y) <= 0.01 + 1e-9 * Math.abs(x), where);
            } else if (e instanceof String es && a instanceof String as) {
                assertEquals(es.stripTrailing(), as.stripTrailing(), where);
            } else {
                assertEquals(e, a, where);
            }
        }
    }

    private static List<List<Object>> duckRows(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object v = rs.getObject(c);
                    if (v instanceof java.sql.Date d) {
                        v = d.toLocalDate();
                    } else if (v instanceof java.math.BigInteger b) {
                        v = new BigDecimal(b);
                    } else if (v != null && !(v instanceof Number) && !(v instanceof String) && !(v instanceof LocalDate)) {
                        fail("unexpected DuckDB value type " + v.getClass());
                    }
                    row.add(v);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
