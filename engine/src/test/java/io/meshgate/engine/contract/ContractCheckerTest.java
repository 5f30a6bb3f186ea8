package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.iceberg.IcebergTestTables;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.iceberg.SampleCustomers;
import io.meshgate.connector.iceberg.SampleOrders;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import io.meshgate.yaml.YamlNode;
import io.meshgate.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of rule checked on real Iceberg tables through the engine: orders 1 to 100 of
 * {@link SampleOrders} (every fifth comment NULL, statuses F, O and P, seven customers, prices
 * {@code key * 10.01 + 0.50}, dates from 2024-01-01 on), customers 1 to 20 of
 * {@link SampleCustomers} (a struct column), and an empty table.
 */
class ContractCheckerTest {
    private static final ProductName ORDERS = new ProductName("commerce", "sales", "orders");
    private static final ProductName CUSTOMERS = new ProductName("commerce", "sales", "customers");
    private static final ProductName EMPTY = new ProductName("commerce", "sales", "empty");

    @TempDir
    static Path directory;
    private static BufferAllocator allocator;
    private static IcebergConnector connector;
    private static MeshCatalog mesh;
    private static Table orders;

    @BeforeAll
    static void setUp() {
        allocator = new RootAllocator();
        connector = IcebergConnector.open(new JdbcCatalogSpec("jdbc:sqlite:" + directory.resolve("commerce.db"), Optional.empty(),
                Optional.empty(), "commerce", directory.resolve("warehouse").toUri().toString(), S3Options.defaults()));
        orders = SampleOrders.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "orders"), 100);
        SampleCustomers.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "customers"), 20);
        IcebergTestTables.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "empty"), SampleOrders.SCHEMA,
                PartitionSpec.unpartitioned(), Map.of());
        mesh = new MeshCatalog(List.of(new Domain("commerce", connector, List.of())));
    }

    @AfterAll
    static void tearDown() {
        mesh.close();
        assertEquals(0, allocator.getAllocatedMemory(), "every query released its buffers");
        allocator.close();
    }

    private static Contract contract(String yaml) {
        List<ContractProblem> problems = new ArrayList<>();
        YamlNode node = YamlReader.read(yaml, p -> {
            throw new AssertionError(p.toString());
        }).orElseThrow();
        Contract contract = Contracts.parse(node, "test.yaml", problems::add).orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(List.of(), problems);
        return contract;
    }

    private static Instant committedAt(Table table) {
        table.refresh();
        return Instant.ofEpochMilli(table.currentSnapshot().timestampMillis());
    }

    private static List<RuleResult> check(ProductName product, String yaml) {
        return check(product, yaml, Clock.systemUTC()).results();
    }

    private static ContractReport check(ProductName product, String yaml, Clock clock) {
        return new ContractChecker(mesh, allocator, clock).check(product, contract(yaml));
    }

    private static RuleResult pass(String rule, String detail) {
        return new RuleResult(rule, RuleStatus.PASS, detail);
    }

    private static RuleResult fail(String rule, String detail) {
        return new RuleResult(rule, RuleStatus.FAIL, detail);
    }

    private static RuleResult error(String rule, String detail) {
        return new RuleResult(rule, RuleStatus.ERROR, detail);
    }

    @Test
    void theSchemaContractIsComparedWithTheCurrentSchema() {
        assertEquals(List.of(pass("schema", "full: the 6 contract column(s) hold")), check(ORDERS, """
                schema:
                  compatibility: full
                  columns:
                    o_orderkey: bigint not null
                    o_custkey: integer not null
                    o_orderstatus: varchar not null
                    o_totalprice: decimal(12,2) not null
                    o_orderdate: date not null
                    o_comment: varchar
                """));
        assertEquals(List.of(fail("schema", "backward: o_custkey is integer now; the contract declares bigint (only the same type"
                + " or a widening of it is compatible); o_discount is missing (the contract declares decimal(4,2))")), check(ORDERS, """
                schema:
                  columns:
                    o_orderkey: integer not null
                    o_custkey: bigint
                    o_discount: decimal(4,2)
                """));
    }

    @Test
    void rowFieldsAreComparedLikeColumns() {
        assertEquals(List.of(fail("schema", "forward: address.geo.lat is required now (double not null) and not in the contract")),
                check(CUSTOMERS, """
                        schema:
                          compatibility: forward
                          columns:
                            id: bigint not null
                            address: row(city varchar, zip varchar, geo row(lon double not null))
                        """));
    }

    @Test
    void notNullCountsTheNulls() {
        assertEquals(List.of(pass("not_null(o_orderkey)", "no NULLs in o_orderkey"), fail("not_null(o_comment)", "20 NULLs in o_comment")),
                check(ORDERS, "quality:\n  - not_null: [o_orderkey, o_comment]\n"));
    }

    @Test
    void uniqueCountsRepeatedValuesOfOneColumnOrOfSeveral() {
        assertEquals(List.of(
                pass("unique(o_orderkey)", "o_orderkey is unique"),
                fail("unique(o_custkey)", "7 values of o_custkey occur more than once, in 100 rows"),
                pass("unique(o_custkey, o_orderdate)", "(o_custkey, o_orderdate) is unique")),
                check(ORDERS, "quality:\n  - unique: [o_orderkey, o_custkey, [o_custkey, o_orderdate]]\n"));
        assertEquals(List.of(pass("unique(o_comment)", "o_comment is unique")), check(ORDERS, "quality:\n  - unique: [o_comment]\n"),
                "the 20 NULLs are not compared");
    }

    @Test
    void acceptedValuesCountsOtherValuesBoundAsParameters() {
        assertEquals(List.of(
                pass("accepted_values(o_orderstatus)", "every o_orderstatus is one of the 3 accepted values"),
                fail("accepted_values(o_comment)", "79 rows have o_comment outside the 2 accepted values"),
                pass("accepted_values(o_custkey)", "every o_custkey is one of the 25 accepted values")),
                check(ORDERS, """
                        quality:
                          - accepted_values: {column: o_orderstatus, values: [F, O, P]}
                          - accepted_values: {column: o_comment, values: [order 1, "order 2' OR 'a' = 'a"]}
                          - accepted_values: {column: o_custkey, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                              21, 22, 23, 24, 25]}
                        """));
        assertEquals(List.of(fail("accepted_values(o_orderstatus)", "33 rows have o_orderstatus outside the 2 accepted values")),
                check(ORDERS, "quality:\n  - accepted_values: {column: o_orderstatus, values: [F, O]}\n"));
    }

    @Test
    void rangeCountsValuesBelowAndAbove() {
        assertEquals(List.of(
                pass("range(o_totalprice)", "every o_totalprice is between 0 and 1001.50"),
                fail("range(o_orderkey)", "o_orderkey must be between 10 and 49: 9 rows below 10, 51 rows above 49"),
                fail("range(o_orderdate)", "o_orderdate must be at least 2024-02-01: 31 rows below 2024-02-01"),
                pass("range(o_custkey)", "every o_custkey is at most 7")),
                check(ORDERS, """
                        quality:
                          - range: {column: o_totalprice, min: 0, max: 1001.50}
                          - range: {column: o_orderkey, min: 10, max: 49}
                          - range: {column: o_orderdate, min: 2024-02-01}
                          - range: {column: o_custkey, max: 7}
                        """));
    }

    @Test
    void rowCountComparesTheNumberOfRows() {
        assertEquals(List.of(pass("row_count", "100 rows (expected between 1 and 100)")), check(ORDERS, "quality:\n  - row_count: {min: 1, max: 100}\n"));
        assertEquals(List.of(fail("row_count", "100 rows (expected at most 10)")), check(ORDERS, "quality:\n  - row_count: {max: 10}\n"));
    }

    @Test
    void freshnessIsTheAgeOfTheCurrentSnapshot() {
        Instant committed = committedAt(orders);
        long snapshot = orders.currentSnapshot().snapshotId();
        String rule = "quality:\n  - freshness: {max_age: 6h}\n";
        assertEquals(List.of(pass("freshness", "snapshot " + snapshot + " was committed 2h 5m ago (max_age 6h)")),
                check(ORDERS, rule, Clock.fixed(committed.plus(Duration.ofMinutes(125)), ZoneOffset.UTC)).results());
        assertEquals(List.of(fail("freshness", "snapshot " + snapshot + " was committed 2d 3h ago, more than max_age 6h")),
                check(ORDERS, rule, Clock.fixed(committed.plus(Duration.ofHours(51)), ZoneOffset.UTC)).results());
    }

    @Test
    void aRuleThatCannotBeCheckedIsAnErrorAndTheOthersStillRun() {
        assertEquals(List.of(
                error("not_null(o_phone)", "the table has no column 'o_phone' at snapshot " + orders.currentSnapshot().snapshotId()
                        + " (check the column's name in the contract)"),
                error("range(o_orderdate)", "cannot compare o_orderdate (date) with the contract's value: 'yesterday' is not a date (write 2024-01-31)"),
                error("accepted_values(o_custkey)", "cannot compare o_custkey (integer) with the contract's value: 'seven' is not a whole number"),
                pass("row_count", "100 rows (expected at least 1)")),
                check(ORDERS, """
                        quality:
                          - not_null: [o_phone]
                          - range: {column: o_orderdate, min: yesterday}
                          - accepted_values: {column: o_custkey, values: [1, seven]}
                          - row_count: {min: 1}
                        """));
    }

    @Test
    void aTableWithoutSnapshotHasNoRowsAndIsNotFresh() {
        ContractReport report = check(EMPTY, "quality:\n  - row_count: {min: 1}\n  - freshness: {max_age: 1d}\n", Clock.systemUTC());
        assertEquals(OptionalLong.empty(), report.snapshotId());
        assertEquals(List.of(fail("row_count", "0 rows (expected at least 1)"),
                fail("freshness", "the table has no snapshot: no data was committed yet, or its source keeps no snapshots")), report.results());
        assertEquals(RuleStatus.FAIL, report.status());
    }

    @Test
    void everyRuleReadsTheSnapshotDescribedAtTheStartWhileTheTableMovesOn() {
        Table moving = SampleOrders.create(connector.catalog(), TableIdentifier.of(Namespace.of("sales"), "moving"), 100);
        long pinned = moving.currentSnapshot().snapshotId();
        AtomicBoolean appended = new AtomicBoolean();
        Connector committingOnFirstScan = new ForwardingConnector(connector) {
            @Override
            public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator scanAllocator) {
                if (appended.compareAndSet(false, true)) {
                    IcebergTestTables.append(moving, SampleOrders.records(101, 110));
                }
                return super.scan(table, spec, scanAllocator);
            }
        };
        MeshCatalog movingMesh = new MeshCatalog(List.of(new Domain("commerce", committingOnFirstScan, List.of())));
        ContractReport report = new ContractChecker(movingMesh, allocator, Clock.systemUTC()).check(new ProductName("commerce", "sales", "moving"),
                contract("quality:\n  - row_count: {min: 100, max: 100}\n  - range: {column: o_orderkey, max: 100}\n"));
        moving.refresh();
        assertNotEquals(pinned, moving.currentSnapshot().snapshotId(), "the table moved on during the check");
        assertEquals(OptionalLong.of(pinned), report.snapshotId());
        assertEquals(List.of(pass("row_count", "100 rows (expected between 100 and 100)"), pass("range(o_orderkey)", "every o_orderkey is at most 100")),
                report.results());
    }

    @Test
    void aProductWithoutTableCannotBeChecked() {
        ContractChecker checker = new ContractChecker(mesh, allocator, Clock.systemUTC());
        Contract contract = contract("quality:\n  - row_count: {min: 1}\n");
        MeshgateException missingTable = assertThrows(MeshgateException.class,
                () -> checker.check(new ProductName("commerce", "sales", "returns"), contract));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, missingTable.code());
        assertEquals("Cannot check the contract of commerce.sales.returns: the table does not exist (check the product's name)",
                missingTable.getMessage());
        MeshgateException missingDomain = assertThrows(MeshgateException.class,
                () -> checker.check(new ProductName("finance", "ledger", "entries"), contract));
        assertEquals(ErrorCode.CATALOG_NOT_FOUND, missingDomain.code());
    }

    /** A connector that does what its delegate does, for tests to override one call. */
    private static class ForwardingConnector implements Connector {
        private final Connector delegate;

        ForwardingConnector(Connector delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<String> schemaNames() {
            return delegate.schemaNames();
        }

        @Override
        public List<String> tableNames(String schema) {
            return delegate.tableNames(schema);
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return delegate.table(name);
        }

        @Override
        public Optional<TableMetadata> metadataTable(SchemaTableName table, String kind) {
            return delegate.metadataTable(table, kind);
        }

        @Override
        public BatchStream scan(TableMetadata table, ScanSpec spec, BufferAllocator scanAllocator) {
            return delegate.scan(table, spec, scanAllocator);
        }

        @Override
        public void close() {
        }
    }
}
