package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static io.meshgate.engine.FixedDecisions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * B3: a field dereferenced from a masked or cell-nulled struct column shows what the masked
 * struct shows, in the select list and in predicates (POLICY.md section 7 case 11).
 */
class NestedFieldPolicyTest {
    private static final RowRule ALL_ROWS = new RowRule(List.of(), List.of());

    private static RootAllocator allocator;
    private static CustomerAddresses customers;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        customers = new CustomerAddresses();
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                // address nullified on every row.
                "nullified", t -> decision(t, ALL_ROWS,
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "address", always(Mask.of(MaskFunction.NULLIFY))),
                        Set.of("id", "region")),
                // address and account shown on EU rows only (R5).
                "eu", t -> decision(t, ALL_ROWS,
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE),
                                "address", when("region = 'EU'", Mask.NONE), "account", when("region = 'EU'", Mask.NONE)),
                        Set.of("id", "region")),
                // A CUSTOM mask that keeps the struct on some rows and nulls it on the others.
                "custom", t -> decision(t, ALL_ROWS,
                        Map.of("id", always(Mask.NONE), "address", always(Mask.custom("CASE WHEN id = 4 THEN address END", 4))),
                        Set.of("id")));
        Governance governance = new Governance(new FixedDecisions(decisions, Map.of()), HashKey.of("a-test-key-of-enough-length"));
        engine = new QueryEngine(customers.catalog, allocator, governance);
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static List<List<Object>> run(String user, String sql) {
        return Rows.run(engine, Session.of(Principal.of(user)), sql);
    }

    @Test
    void nestedFieldOfNullifiedStructIsNull() {
        assertEquals(List.of(Arrays.asList(1L, null, null), Arrays.asList(2L, null, null), Arrays.asList(3L, null, null), Arrays.asList(4L, null, null)),
                run("nullified", "SELECT t.id, t.address.city, t.address.geo.lat FROM shop.crm.customers t ORDER BY t.id"));
        assertEquals(List.of(Arrays.asList(1L, null)), run("nullified", "SELECT t.id, t.address FROM shop.crm.customers t WHERE t.id = 1"));
        try (PreparedQuery query = engine.prepare(Session.of(Principal.of("nullified")), "SELECT address FROM shop.crm.customers")) {
            assertEquals(ArrowType.Struct.INSTANCE, query.resultSchema().getFields().get(0).getType(), "the column keeps its type, only its values are masked");
        }
    }

    @Test
    void predicateOnNestedFieldSeesTheMaskedStruct() {
        String sql = "SELECT t.id FROM shop.crm.customers t WHERE t.address.city = 'Lyon'";
        assertEquals(List.of(), run("nullified", sql));
        assertTrue(customers.connector.lastSpec.filter().isEmpty(), "the raw city never reaches the scan");
        String plan = (String) run("nullified", "EXPLAIN " + sql).get(0).get(0);
        assertTrue(plan.contains("PolicyBarrier(table=[shop.crm.customers])"), plan);
        assertFalse(plan.contains("MeshTableScan"), plan);
        assertEquals(List.of(List.of(4L)), run("nullified", "SELECT count(*) FROM shop.crm.customers t WHERE t.address IS NULL"));
        assertEquals(List.of(Arrays.asList(null, 4L)),
                run("nullified", "SELECT t.address.city, count(*) FROM shop.crm.customers t GROUP BY t.address.city"));
    }

    @Test
    void nestedFieldOfCellNulledStructIsNullOnRowsOutsideTheCase() {
        assertEquals(List.of(List.of(1L, "Lyon", 45.76, "gold"), Arrays.asList(2L, null, null, null),
                        Arrays.asList(3L, null, null, "silver"), Arrays.asList(4L, null, null, null)),
                run("eu", "SELECT t.id, t.address.city, t.address.geo.lat, t.account.tier FROM shop.crm.customers t ORDER BY t.id"));
        assertEquals(List.of(), run("eu", "SELECT t.id FROM shop.crm.customers t WHERE t.address.city = 'Osaka'"));
        assertEquals(List.of(List.of(1L)), run("eu", "SELECT t.id FROM shop.crm.customers t WHERE t.address.city = 'Lyon'"));
    }

    @Test
    void nestedFieldOfCustomMaskedStructFollowsTheMask() {
        assertEquals(List.of(Arrays.asList(1L, null), Arrays.asList(2L, null), Arrays.asList(3L, null), List.of(4L, "Osaka")),
                run("custom", "SELECT t.id, t.address.city FROM shop.crm.customers t ORDER BY t.id"));
    }
}
