package io.meshgate.engine;

import static io.meshgate.engine.FixedDecisions.always;
import static io.meshgate.engine.FixedDecisions.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.iceberg.IcebergTestTables;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.iceberg.SampleOrders;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.CellCase;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg metadata tables through SQL ({@code commerce.sales."orders$files"}) and rule B6: only a
 * principal with METADATA_READ and full access to the table reads them; a restricted one is denied
 * (POLICY.md section 7, case 12); one that cannot see the table gets what a missing table gets (R2).
 */
class MetadataTablesTest {
    private static final String DENIED = "Access denied: metadata of table 'commerce.sales.orders' needs METADATA_READ and unrestricted access to the table";
    private static final RowRule ALL_ROWS = new RowRule(List.of(), List.of());

    @TempDir
    static Path directory;
    private static RootAllocator allocator;
    private static IcebergConnector connector;
    private static Table orders;
    private static QueryEngine engine;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        connector = IcebergConnector.open(new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve("commerce.db"), Optional.empty(),
                Optional.empty(), "commerce", directory.resolve("warehouse").toUri().toString(), S3Options.defaults()));
        orders = SampleOrders.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "orders"), 100);
        IcebergTestTables.append(orders, SampleOrders.records(101, 130));
        orders.refresh();
        Map<String, Function<TableDescriptor, AccessDecision>> decisions = Map.of(
                "admin", t -> AccessDecision.unrestricted("fixed", t),
                // Every column and row, but no METADATA_READ.
                "reader", t -> decision(t, ALL_ROWS, allColumns(t), names(t)),
                // Only orders with status F.
                "analyst", t -> decision(t, new RowRule(List.of("o_orderstatus = 'F'"), List.of()), allColumns(t), names(t)),
                // A decision claiming METADATA_READ while a row rule applies: full access is checked as well.
                "inconsistent", t -> new AccessDecision("fixed", t, true, decision(t, ALL_ROWS, allColumns(t), names(t)).columns(),
                        new RowRule(List.of("o_orderstatus = 'F'"), List.of()), Optional.empty(), true, Set.of("g"), Set.of(), Set.of()));
        Governance governance = new Governance(new FixedDecisions(decisions, Map.of()), HashKey.of("a-test-key-of-enough-length"));
        engine = new QueryEngine(new MeshCatalog(List.of(new Domain("commerce", connector, List.of()))), allocator, governance);
    }

    @AfterAll
    static void tearDown() {
        connector.close();
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static Map<String, List<CellCase>> allColumns(TableDescriptor table) {
        return table.columns().stream().collect(Collectors.toMap(ColumnDescriptor::name, c -> always(Mask.NONE)));
    }

    private static Set<String> names(TableDescriptor table) {
        return table.columns().stream().map(ColumnDescriptor::name).collect(Collectors.toSet());
    }

    private static List<List<Object>> run(String user, String sql) {
        return Rows.run(engine, Session.of(Principal.of(user)), sql);
    }

    private static MeshgateException failure(String user, String sql) {
        return assertThrows(MeshgateException.class, () -> run(user, sql));
    }

    @Test
    void adminReadsTheSnapshotsOfTheTable() {
        List<List<Object>> expected = new ArrayList<>();
        for (Snapshot snapshot : orders.snapshots()) {
            expected.add(java.util.Arrays.asList(snapshot.snapshotId(), snapshot.parentId(), "append"));
        }
        assertEquals(expected, run("admin", "SELECT snapshot_id, parent_id, operation FROM commerce.sales.\"orders$snapshots\" ORDER BY committed_at"));
    }

    @Test
    void adminReadsFilesAndPartitionsOfTheCurrentSnapshot() {
        assertEquals(List.of(List.of(6L, 130L)), run("admin", "SELECT count(*), sum(record_count) FROM commerce.sales.\"orders$files\" WHERE content = 0"));
        assertEquals(List.of(List.of("o_orderdate_month=2024-01", 41L, 2), List.of("o_orderdate_month=2024-04", 29L, 2)),
                run("admin", "SELECT \"partition\", record_count, file_count FROM commerce.sales.\"orders$partitions\" WHERE file_count > 1 ORDER BY 1"));
    }

    @Test
    void metadataTableIsScannedWithoutBarrierAndAudited() {
        String plan = (String) run("admin", "EXPLAIN SELECT file_path FROM commerce.sales.\"orders$files\"").get(0).get(0);
        assertTrue(plan.contains("commerce.sales.orders$files"), plan);
        assertFalse(plan.contains("PolicyBarrier"), plan);
        try (PreparedQuery query = engine.prepare(Session.of(Principal.of("admin")), "SELECT * FROM commerce.sales.\"orders$history\"")) {
            assertEquals(List.of("commerce.sales.orders$history"), query.relations().stream().map(RelationAccess::object).toList());
            assertEquals(orders.uuid().toString(), query.relations().get(0).uuid());
        }
    }

    @Test
    void filesOfOrdersAreDeniedToRestrictedPrincipals() {
        for (String user : List.of("analyst", "reader", "inconsistent")) {
            for (String kind : List.of("files", "snapshots", "partitions", "history")) {
                MeshgateException denied = failure(user, "SELECT * FROM commerce.sales.\"orders$" + kind + "\"");
                assertEquals(ErrorCode.PERMISSION_DENIED, denied.code(), user + " " + kind);
                assertEquals(DENIED, denied.getMessage());
            }
        }
        assertEquals(List.of(List.of(130L)), run("reader", "SELECT count(*) FROM commerce.sales.orders"), "the table itself stays readable");
    }

    @Test
    void metadataOfHiddenTableFailsExactlyLikeMissingTable() {
        MeshgateException hidden = failure("nobody", "SELECT * FROM commerce.sales.\"orders$files\"");
        MeshgateException missing = failure("nobody", "SELECT * FROM commerce.sales.\"ordres$files\"");
        MeshgateException missingForAdmin = failure("admin", "SELECT * FROM commerce.sales.\"ordres$files\"");
        assertEquals(ErrorCode.TABLE_NOT_FOUND, hidden.code());
        assertEquals(missing.code(), hidden.code());
        assertEquals(missing.getMessage().replace("ordres", "orders"), hidden.getMessage());
        assertEquals(missing.getMessage(), missingForAdmin.getMessage());
    }

    @Test
    void unknownKindIsAMissingTable() {
        for (String user : List.of("admin", "analyst")) {
            MeshgateException unknown = failure(user, "SELECT * FROM commerce.sales.\"orders$nope\"");
            assertEquals(ErrorCode.TABLE_NOT_FOUND, unknown.code());
            assertEquals("Table 'commerce.sales.orders$nope' does not exist", unknown.getMessage());
        }
    }

    @Test
    void metadataTableNamesIgnoreCaseLikeTableNames() {
        assertEquals(List.of(List.of(6L)), run("admin", "SELECT count(*) FROM commerce.sales.\"Orders$FILES\""));
        assertEquals(ErrorCode.PERMISSION_DENIED, failure("analyst", "SELECT count(*) FROM commerce.sales.\"ORDERS$Files\"").code());
    }

    @Test
    void listingsDoNotShowMetadataTables() {
        assertEquals(List.of("orders"), engine.catalogView(Principal.of("admin")).tableNames("commerce", "sales"));
    }
}
