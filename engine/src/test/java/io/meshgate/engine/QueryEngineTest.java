package io.meshgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.error.SqlPosition;
import io.meshgate.policy.Principal;
import io.meshgate.spi.BatchStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names, errors, pushdown shown by EXPLAIN next to the rows, streaming and buffer release. */
class QueryEngineTest {
    private static final Session ADMIN = Session.of(Principal.of("admin"));

    private static RootAllocator allocator;
    private static TpchMesh mesh;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        mesh = new TpchMesh(0.01, 1000);
        engine = new QueryEngine(mesh.catalog, allocator);
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static String explain(String sql) {
        return (String) Rows.run(engine, ADMIN, "EXPLAIN " + sql).get(0).get(0);
    }

    @Test
    void unquotedNamesKeepCaseAndMatchIgnoringCase() {
        List<List<Object>> lower = Rows.run(engine, ADMIN, "select r_name from customer.crm.region order by r_regionkey");
        List<List<Object>> upper = Rows.run(engine, ADMIN, "SELECT R_NAME FROM CUSTOMER.CRM.REGION ORDER BY R_REGIONKEY");
        assertEquals(5, lower.size());
        assertEquals("AFRICA", lower.get(0).get(0));
        assertEquals(lower, upper);
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT r_name AS \"Name\", r_name FROM customer.crm.region")) {
            assertEquals(List.of("Name", "r_name"), query.resultSchema().getFields().stream().map(f -> f.getName()).toList());
        }
    }

    @Test
    void shortNamesResolveAgainstSessionCatalogAndSchema() {
        Session inCrm = new Session(Principal.of("admin"), Optional.of("customer"), Optional.of("crm"));
        Session inCustomer = new Session(Principal.of("admin"), Optional.of("customer"), Optional.empty());
        assertEquals(List.of(List.of(25L)), Rows.run(engine, inCrm, "SELECT count(*) FROM nation"));
        assertEquals(List.of(List.of(25L)), Rows.run(engine, inCustomer, "SELECT count(*) FROM crm.nation"));
        assertEquals(List.of(List.of(25L)), Rows.run(engine, inCrm, "SELECT count(*) FROM crm.nation"), "schema.table with a schema set");
        assertEquals(List.of(List.of(5L)), Rows.run(engine, inCrm, "SELECT count(*) FROM customer.crm.region"), "full names still work");
    }

    @Test
    void pushesColumnsFilterAndLimitIntoTheScan() {
        String sql = "SELECT o_orderkey, o_orderdate FROM commerce.sales.orders WHERE o_orderdate >= DATE '1995-01-01' AND o_orderstatus IN ('F', 'O')";
        List<List<Object>> rows = Rows.run(engine, ADMIN, sql);
        assertTrue(rows.size() > 1000 && rows.size() < 15000, "rows: " + rows.size());
        assertContains(explain(sql), "MeshTableScan(table=[commerce.sales.orders], columns=[o_orderkey, o_orderstatus, o_orderdate], "
                + "filter=[(o_orderdate >= DATE '1995-01-01') AND (o_orderstatus IN ('F', 'O'))])");

        String limited = "SELECT o_orderkey, o_orderdate FROM commerce.sales.orders LIMIT 10";
        assertEquals(10, Rows.run(engine, ADMIN, limited).size());
        assertEquals(10L, mesh.connectors.get("commerce").lastSpec.limit().getAsLong());
        assertContains(explain(limited), "MeshTableScan(table=[commerce.sales.orders], columns=[o_orderkey, o_orderdate], limit=[10])");
    }

    @Test
    void limitIsNotPushedPastAFilterOrAnOrderBy() {
        String sql = "SELECT o_orderkey FROM commerce.sales.orders WHERE o_orderkey < 100 ORDER BY o_orderkey LIMIT 3";
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), Rows.run(engine, ADMIN, sql));
        String plan = explain(sql);
        assertContains(plan, "filter=[o_orderkey < 100]");
        assertTrue(!plan.contains("limit="), plan);
        assertTrue(mesh.connectors.get("commerce").lastSpec.limit().isEmpty());
    }

    @Test
    void explainPlanForIsAlsoAccepted() {
        assertContains(explain("SELECT n_name FROM customer.crm.nation"), "columns=[n_name]");
        assertContains((String) Rows.run(engine, ADMIN, "EXPLAIN PLAN FOR SELECT n_name FROM customer.crm.nation").get(0).get(0),
                "MeshTableScan(table=[customer.crm.nation], columns=[n_name])");
    }

    @Test
    void firstBatchLeavesBeforeTheScanEndsAndCloseReleasesEverything() {
        InMemoryConnector commerce = mesh.connectors.get("commerce");
        int before = commerce.batchesProduced.get();
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT l_orderkey, l_comment FROM commerce.sales.lineitem");
                BatchStream stream = query.execute()) {
            assertTrue(stream.next());
            assertEquals(8192, stream.current().getRowCount());
            int read = commerce.batchesProduced.get() - before;
            assertTrue(read <= 10, "scan batches read for the first result batch: " + read + " of ~60");
            assertEquals(1, commerce.openScans.get());
        }
        assertEquals(0, commerce.openScans.get());
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void cancelledExecutionFailsBeforeItsNextRowAndCloseReleasesEverything() {
        InMemoryConnector commerce = mesh.connectors.get("commerce");
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT l_orderkey, l_comment FROM commerce.sales.lineitem");
                BatchStream stream = query.execute()) {
            assertTrue(stream.next());
            int cancelledBefore = commerce.scansCancelled.get();
            stream.cancel();
            assertEquals(cancelledBefore + 1, commerce.scansCancelled.get(), "the open scan is asked to stop too");
            MeshgateException e = assertThrows(MeshgateException.class, stream::next);
            assertEquals(ErrorCode.QUERY_CANCELLED, e.code());
        }
        assertEquals(0, commerce.openScans.get());
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void aggregateCancelledBeforeItsFirstBatchReadsNothing() {
        InMemoryConnector commerce = mesh.connectors.get("commerce");
        int before = commerce.batchesProduced.get();
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT count(*) FROM commerce.sales.lineitem");
                BatchStream stream = query.execute()) {
            stream.cancel();
            MeshgateException e = assertThrows(MeshgateException.class, stream::next);
            assertEquals(ErrorCode.QUERY_CANCELLED, e.code());
        }
        assertEquals(before, commerce.batchesProduced.get(), "no scan batch was read");
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void equalityInEveryBranchOfAnOrBecomesAHashJoinKey() {
        String factored = "SELECT count(*) FROM commerce.sales.lineitem, supply.inventory.part"
                + " WHERE (p_partkey = l_partkey AND p_size < 10) OR (p_partkey = l_partkey AND l_quantity < 5)";
        String plan = explain(factored);
        assertContains(plan, "EnumerableHashJoin");
        assertTrue(!plan.contains("NestedLoopJoin"), plan);
        String joined = "SELECT count(*) FROM commerce.sales.lineitem JOIN supply.inventory.part ON p_partkey = l_partkey"
                + " WHERE p_size < 10 OR l_quantity < 5";
        List<List<Object>> count = Rows.run(engine, ADMIN, factored);
        assertTrue((Long) count.get(0).get(0) > 0, "count: " + count);
        assertEquals(Rows.run(engine, ADMIN, joined), count);
    }

    @Test
    void sumOfADecimalHasRoomBeyondTheColumnPrecision() {
        String sql = "SELECT sum(CAST(l_extendedprice * 1000 AS DECIMAL(12, 2))) FROM commerce.sales.lineitem";
        try (PreparedQuery query = engine.prepare(ADMIN, sql)) {
            assertEquals(new ArrowType.Decimal(38, 2, 128), query.resultSchema().getFields().get(0).getType());
        }
        List<List<Object>> prices = Rows.run(engine, ADMIN, "SELECT l_extendedprice FROM commerce.sales.lineitem");
        BigDecimal expected = prices.stream().map(row -> (BigDecimal) row.get(0)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(1000));
        assertTrue(expected.precision() > 12, "the total must not fit decimal(12, 2): " + expected);
        assertEquals(0, expected.compareTo((BigDecimal) Rows.run(engine, ADMIN, sql).get(0).get(0)));
    }

    @Test
    void averageOfADecimalDoesNotOverflowWhereItsSumOutgrowsTheColumn() {
        String scaled = "CAST(l_extendedprice * 1000 AS DECIMAL(12, 2))";
        List<List<Object>> values = Rows.run(engine, ADMIN, "SELECT " + scaled + " FROM commerce.sales.lineitem");
        BigDecimal sum = values.stream().map(row -> (BigDecimal) row.get(0)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(sum.precision() - sum.scale() > 10, "the sum must not fit decimal(12, 2): " + sum);
        BigDecimal exact = sum.divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
        BigDecimal average = (BigDecimal) Rows.run(engine, ADMIN, "SELECT avg(" + scaled + ") FROM commerce.sales.lineitem").get(0).get(0);
        assertTrue(average.subtract(exact).abs().compareTo(new BigDecimal("0.000001")) <= 0, average + " vs " + exact);
    }

    @Test
    void averageOfADecimalKeepsItsFraction() {
        List<List<Object>> discounts = Rows.run(engine, ADMIN, "SELECT l_discount FROM commerce.sales.lineitem");
        BigDecimal sum = discounts.stream().map(row -> (BigDecimal) row.get(0)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exact = sum.divide(BigDecimal.valueOf(discounts.size()), 10, RoundingMode.HALF_UP);
        BigDecimal average = (BigDecimal) Rows.run(engine, ADMIN, "SELECT avg(l_discount) FROM commerce.sales.lineitem").get(0).get(0);
        assertTrue(average.scale() >= 6, "scale of " + average);
        assertTrue(average.subtract(exact).abs().compareTo(new BigDecimal("0.000001")) <= 0, average + " vs " + exact);
    }

    @Test
    void reportsErrorsWithCodeAndPosition() {
        assertError("SELECT FROM x", ErrorCode.SYNTAX_ERROR, new SqlPosition(1, 8), "Syntax error");
        assertError("SELECT * FROM\n  commerce.sales.nope", ErrorCode.TABLE_NOT_FOUND, new SqlPosition(2, 3),
                "Table 'commerce.sales.nope' does not exist");
        assertError("SELECT * FROM commerce.nope.orders", ErrorCode.SCHEMA_NOT_FOUND, new SqlPosition(1, 15),
                "Schema 'commerce.nope' does not exist");
        assertError("SELECT * FROM nope.sales.orders", ErrorCode.CATALOG_NOT_FOUND, new SqlPosition(1, 15), "Catalog 'nope' does not exist");
        assertError("SELECT o_nope FROM commerce.sales.orders", ErrorCode.COLUMN_NOT_FOUND, new SqlPosition(1, 8), "o_nope");
        assertError("SELECT nope(o_orderkey) FROM commerce.sales.orders", ErrorCode.FUNCTION_NOT_FOUND, new SqlPosition(1, 8), "nope");
        assertError("SELECT o_orderdate + 1 FROM commerce.sales.orders", ErrorCode.TYPE_MISMATCH, new SqlPosition(1, 8), "Cannot apply");
    }

    @Test
    void divisionByZeroAtRunTime() {
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> Rows.run(engine, ADMIN, "SELECT o_orderkey / (o_orderkey - o_orderkey) FROM commerce.sales.orders"));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
        assertEquals(0, allocator.getAllocatedMemory());
    }

    private static void assertError(String sql, ErrorCode code, SqlPosition position, String messagePart) {
        MeshgateException e = assertThrows(MeshgateException.class, () -> engine.prepare(ADMIN, sql));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(Optional.of(position), e.position(), e.getMessage());
        assertContains(e.getMessage(), messagePart);
        assertTrue(!e.getMessage().contains("org.apache") && !e.getMessage().contains("Was expecting") && e.getMessage().length() < 300, e.getMessage());
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected <" + part + "> in:\n" + text);
    }
}
