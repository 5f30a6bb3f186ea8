package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.error.SqlPosition;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.spi.BatchStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ?} parameters: types inferred at validation, one plan executed with many values, values
 * checked and never read as SQL, and no more reach past the policy barrier than a literal has.
 */
class ParametersTest {
    private static final Session ADMIN = Session.of(Principal.of("admin"));

    private static RootAllocator allocator;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                // Analysts (EU): internal columns on rows of their region; APAC hidden.
                "analyst", t -> decision(t, new RowRule(List.of("region = :principal.region"), List.of("region <> 'APAC'")),
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "amount", always(Mask.NONE), "day", always(Mask.NONE)),
                        Set.of("id", "region", "amount", "day")),
                // Fraud: card shows its last 4 only.
                "fraud", t -> decision(t, new RowRule(List.of(), List.of("region <> 'APAC'")),
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "card", always(Mask.withN(MaskFunction.SHOW_LAST_N, 4))),
                        Set.of("id", "region")),
                "admin", t -> AccessDecision.unrestricted("fixed", t));
        Governance governance = new Governance(new FixedDecisions(decisions, Map.of("analyst", "EU")), HashKey.of("a-test-key-of-enough-length"));
        engine = new QueryEngine(new SectionSevenOrders().catalog, allocator, governance);
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static List<List<Object>> run(PreparedQuery query, Object... values) {
        try (BatchStream stream = query.execute(query.bind(Arrays.asList(values)))) {
            return Rows.read(stream);
        }
    }

    private static List<List<Object>> run(String user, String sql, Object... values) {
        try (PreparedQuery query = engine.prepare(Session.of(Principal.of(user)), sql)) {
            return run(query, values);
        }
    }

    @Test
    void parameterTypesAreInferredFromWhereTheyStand() {
        try (PreparedQuery query = engine.prepare(ADMIN,
                "SELECT id FROM shop.sales.orders WHERE id = ? AND region = ? AND day >= ? AND amount < ?")) {
            List<Field> fields = query.parameterSchema().getFields();
            assertEquals(List.of("parameter_1", "parameter_2", "parameter_3", "parameter_4"), fields.stream().map(Field::getName).toList());
            assertEquals(List.of(new ArrowType.Int(64, true), ArrowType.Utf8.INSTANCE, new ArrowType.Date(DateUnit.DAY), new ArrowType.Int(32, true)),
                    fields.stream().map(Field::getType).toList());
            assertTrue(fields.stream().allMatch(Field::isNullable), "a client may bind NULL to any parameter");
        }
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT id FROM shop.sales.orders")) {
            assertEquals(List.of(), query.parameterSchema().getFields());
        }
    }

    @Test
    void onePlanRunsWithEachExecutionsOwnValues() {
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT id FROM shop.sales.orders WHERE region = ? AND day >= ? ORDER BY id")) {
            assertEquals(List.of(List.of(1L), List.of(3L)), run(query, "EU", LocalDate.ofEpochDay(19000)));
            assertEquals(List.of(List.of(3L)), run(query, "EU", LocalDate.ofEpochDay(19002)));
            assertEquals(List.of(List.of(2L)), run(query, "US", LocalDate.ofEpochDay(0)));
            assertEquals(List.of(), run(query, null, LocalDate.ofEpochDay(0)), "NULL equals nothing");
            // Two executions open at once each read their own values.
            try (BatchStream eu = query.execute(query.bind(List.of("EU", LocalDate.ofEpochDay(0))));
                    BatchStream us = query.execute(query.bind(List.of("US", LocalDate.ofEpochDay(0))))) {
                assertEquals(List.of(List.of(2L)), Rows.read(us));
                assertEquals(List.of(List.of(1L), List.of(3L)), Rows.read(eu));
            }
        }
    }

    @Test
    void limitTakesAParameter() {
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT id FROM shop.sales.orders ORDER BY id LIMIT ?")) {
            assertEquals(List.of(List.of(1L), List.of(2L)), run(query, 2));
            assertEquals(List.of(List.of(1L)), run(query, 1));
        }
    }

    @Test
    void integersBindToWiderAndDecimalParameters() {
        assertEquals(List.of(List.of(2L)), run("admin", "SELECT id FROM shop.sales.orders WHERE id = ?", 2));
        assertEquals(List.of(List.of(2L)), run("admin", "SELECT id FROM shop.sales.orders WHERE amount = ?", 250L));
        assertEquals(List.of(List.of(new BigDecimal("252.50"))),
                run("admin", "SELECT amount + CAST(? AS DECIMAL(5, 2)) FROM shop.sales.orders WHERE id = 2", new BigDecimal("2.5")));
        assertEquals(List.of(List.of(4L)), run("admin", "SELECT id FROM shop.sales.orders WHERE amount > CAST(? AS DOUBLE)", 299));
    }

    @Test
    void valueOfTheWrongTypeOrCountIsRefusedNamingTheParameter() {
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT id FROM shop.sales.orders WHERE region = ? AND amount = ?")) {
            MeshgateException wrongType = assertThrows(MeshgateException.class, () -> query.bind(List.of("EU", "100")));
            assertEquals(ErrorCode.INVALID_REQUEST, wrongType.code());
            assertEquals("Cannot bind parameter 2: it is INTEGER, got a value of type VARCHAR (bind a INTEGER value or CAST the parameter)",
                    wrongType.getMessage());
            MeshgateException tooBig = assertThrows(MeshgateException.class, () -> query.bind(List.of("EU", 1L << 40)));
            assertTrue(tooBig.getMessage().startsWith("Cannot bind parameter 2: the value does not fit INTEGER"), tooBig.getMessage());
            MeshgateException count = assertThrows(MeshgateException.class, () -> query.bind(List.of("EU")));
            assertEquals(ErrorCode.INVALID_REQUEST, count.code());
            assertTrue(count.getMessage().contains("2 parameter(s), got 1 value(s)"), count.getMessage());
            MeshgateException unbound = assertThrows(MeshgateException.class, query::execute);
            assertEquals(ErrorCode.INVALID_REQUEST, unbound.code());
            assertTrue(unbound.getMessage().contains("none is bound"), unbound.getMessage());
        }
        try (PreparedQuery query = engine.prepare(ADMIN, "SELECT id FROM shop.sales.orders WHERE amount = CAST(? AS DECIMAL(5, 1))")) {
            MeshgateException lossy = assertThrows(MeshgateException.class, () -> query.bind(List.of(new BigDecimal("1.25"))));
            assertTrue(lossy.getMessage().contains("does not fit DECIMAL(5, 1)"), lossy.getMessage());
            assertEquals(List.of(new BigDecimal("100.5")), query.bind(List.of(100.5)).values(), "a double that is exactly a short decimal");
            assertThrows(MeshgateException.class, () -> query.bind(List.of(0.05)));
        }
    }

    @Test
    void parameterWhoseTypeCannotBeInferredIsNamedWithItsPosition() {
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> engine.prepare(ADMIN, "SELECT id FROM shop.sales.orders WHERE id = ? AND ? = ?"));
        assertEquals(ErrorCode.INVALID_QUERY, e.code());
        assertEquals("Cannot infer the type of parameter 2 (write CAST(? AS type))", e.getMessage());
        assertEquals(Optional.of(new SqlPosition(1, 51)), e.position());
        assertEquals(List.of(List.of(1L)), run("admin", "SELECT id FROM shop.sales.orders WHERE id = ? AND CAST(? AS VARCHAR) IS NULL", 1, null));
    }

    @Test
    void valuesAreDataNeverSql() {
        assertEquals(List.of(), run("admin", "SELECT id FROM shop.sales.orders WHERE region = ?", "EU' OR '1' = '1"));
        assertEquals(List.of(List.of(1L)), run("admin", "SELECT id FROM shop.sales.orders WHERE notes = ?", "first"));
    }

    @Test
    void parameterOnMaskedColumnSeesTheMaskedValue() {
        // Same answers as literals in the same place (PolicyBarrierTest.maskedColumnPredicateSeesMaskedValue).
        assertEquals(List.of(), run("fraud", "SELECT id FROM shop.sales.orders WHERE card = ?", SectionSevenOrders.CARD_1));
        assertEquals(List.of(List.of(1L)), run("fraud", "SELECT id FROM shop.sales.orders WHERE card LIKE ?", "%1111"));
        assertEquals(List.of(List.of(1L)), run("fraud", "SELECT id FROM shop.sales.orders WHERE card = ?", "************1111"));
    }

    @Test
    void parameterCannotReachHiddenRows() {
        assertEquals(List.of(), run("analyst", "SELECT id FROM shop.sales.orders WHERE id = ?", 4L));
        assertEquals(List.of(), run("analyst", "SELECT id FROM shop.sales.orders WHERE region = ?", "APAC"));
        assertEquals(List.of(), run("analyst", "SELECT id FROM shop.sales.orders WHERE region = ? OR id = ?", "US", 2L));
        assertEquals(List.of(List.of(2L)), run("analyst", "SELECT count(*) FROM shop.sales.orders WHERE id <> ?", 0L));
        // EXPLAIN of a parameterized query shows the barrier, no policy text and no value.
        String plan = (String) run("analyst", "EXPLAIN SELECT id FROM shop.sales.orders WHERE region = ?", "EU").get(0).get(0);
        assertTrue(plan.contains("PolicyBarrier"), plan);
        assertTrue(!plan.contains("'EU'") && !plan.contains("APAC"), plan);
    }
}
