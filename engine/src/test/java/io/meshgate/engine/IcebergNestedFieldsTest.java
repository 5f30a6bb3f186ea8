package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static io.meshgate.engine.FixedDecisions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.iceberg.SampleCustomers;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Struct columns of an Iceberg table, end to end: read, dereferenced, filtered, and masked (B3). */
class IcebergNestedFieldsTest {
    private static final RowRule ALL_ROWS = new RowRule(List.of(), List.of());

    @TempDir
    static Path directory;
    private static IcebergConnector connector;
    private static RootAllocator allocator;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        connector = IcebergConnector.open(new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve("people.db"), Optional.empty(),
                Optional.empty(), "people", directory.resolve("warehouse").toUri().toString(), S3Options.defaults()));
        SampleCustomers.create(connector.catalog(), TableIdentifier.of(Namespace.of("crm"), "customers"), 20);
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                "admin", t -> AccessDecision.unrestricted("fixed", t),
                "nullified", t -> decision(t, ALL_ROWS,
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "address", always(Mask.of(MaskFunction.NULLIFY))),
                        Set.of("id", "region")),
                "eu", t -> decision(t, ALL_ROWS,
                        Map.of("id", always(Mask.NONE), "region", always(Mask.NONE), "address", when("region = 'EU'", Mask.NONE)),
                        Set.of("id", "region")));
        allocator = new RootAllocator();
        engine = new QueryEngine(new MeshCatalog(List.of(new Domain("people", connector, List.of()))), allocator,
                new Governance(new FixedDecisions(decisions, Map.of()), HashKey.of("a-test-key-of-enough-length")));
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

    @Test
    void nestedFieldsAreSelectedAndFiltered() {
        assertEquals(List.of(List.of(7L, "city 7", 0.7)),
                run("admin", "SELECT t.id, t.address.city, t.address.geo.lat FROM people.crm.customers t WHERE t.address.city = 'city 7'"));
        assertEquals(List.of(List.of(SampleCustomers.address(3)), Arrays.asList((Object) null)),
                run("admin", "SELECT address FROM people.crm.customers WHERE id IN (3, 5) ORDER BY id"));
    }

    @Test
    void nestedFieldOfNullifiedStructStaysNull() {
        assertEquals(List.of(Arrays.asList(7L, null)), run("nullified", "SELECT t.id, t.address.city FROM people.crm.customers t WHERE t.id = 7"));
        assertEquals(List.of(List.of(0L)), run("nullified", "SELECT count(*) FROM people.crm.customers t WHERE t.address.city = 'city 7'"));
    }

    @Test
    void nestedFieldOfCellNulledStructIsNullOnRowsOutsideTheCase() {
        assertEquals(List.of(List.of(1L, "city 1"), Arrays.asList(2L, null), List.of(3L, "city 3"), Arrays.asList(4L, null)),
                run("eu", "SELECT t.id, t.address.city FROM people.crm.customers t WHERE t.id <= 4 ORDER BY t.id"));
        assertEquals(List.of(), run("eu", "SELECT t.id FROM people.crm.customers t WHERE t.address.city = 'city 2'"));
    }
}
