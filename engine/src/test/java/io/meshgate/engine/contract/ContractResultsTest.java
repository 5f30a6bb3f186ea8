package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results are stored per product and snapshot, and the latest of each product is read back as it was stored. */
class ContractResultsTest {
    private static final ProductName ORDERS = new ProductName("commerce", "sales", "orders");
    private static final ProductName CUSTOMER = new ProductName("customer", "crm", "customer");

    @TempDir
    Path directory;

    private static ContractReport report(ProductName product, OptionalLong snapshot, String checkedAt, RuleResult... results) {
        return new ContractReport(product, "uuid-" + product.table(), snapshot, Instant.parse(checkedAt), List.of(results));
    }

    @Test
    void aReportIsStoredAsOneJsonFilePerSnapshotAndReadBackWhole() throws IOException {
        ContractResults results = new ContractResults(directory);
        ContractReport report = report(ORDERS, OptionalLong.of(42), "2024-05-01T10:00:00Z",
                new RuleResult("schema", RuleStatus.PASS, "backward: the 6 contract column(s) hold"),
                new RuleResult("freshness", RuleStatus.FAIL, "snapshot 42 was committed 2d ago, more than max_age 6h"));
        Path file = results.store(report);
        assertEquals(directory.resolve("commerce/sales/orders/snapshot-42.json"), file);
        assertEquals("""
                {
                  "product" : "commerce.sales.orders",
                  "table_uuid" : "uuid-orders",
                  "snapshot_id" : 42,
                  "checked_at" : "2024-05-01T10:00:00Z",
                  "status" : "FAIL",
                  "rules" : [ {
                    "rule" : "schema",
                    "status" : "PASS",
                    "detail" : "backward: the 6 contract column(s) hold"
                  }, {
                    "rule" : "freshness",
                    "status" : "FAIL",
                    "detail" : "snapshot 42 was committed 2d ago, more than max_age 6h"
                  } ]
                }
                """, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(Optional.of(report), results.latest(ORDERS));
    }

    @Test
    void theLatestIsTheLastStoredAndEachSnapshotKeepsItsOwnFile() throws IOException {
        ContractResults results = new ContractResults(directory);
        ContractReport first = report(ORDERS, OptionalLong.of(1), "2024-05-01T10:00:00Z", new RuleResult("row_count", RuleStatus.PASS, "5 rows"));
        ContractReport second = report(ORDERS, OptionalLong.of(2), "2024-05-01T11:00:00Z", new RuleResult("row_count", RuleStatus.FAIL, "0 rows"));
        ContractReport again = report(ORDERS, OptionalLong.of(1), "2024-05-01T12:00:00Z", new RuleResult("row_count", RuleStatus.PASS, "5 rows"));
        results.store(first);
        results.store(second);
        assertEquals(Optional.of(second), results.latest(ORDERS));
        results.store(again);
        assertEquals(Optional.of(again), results.latest(ORDERS), "checking an older snapshot again makes it the latest");
        try (Stream<Path> files = Files.list(directory.resolve("commerce/sales/orders"))) {
            assertEquals(List.of("latest", "snapshot-1.json", "snapshot-2.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theLatestOfEveryProductIsListedByName() {
        ContractResults results = new ContractResults(directory);
        assertEquals(List.of(), results.latest(), "no folder yet: nothing checked");
        ContractReport customer = report(CUSTOMER, OptionalLong.empty(), "2024-05-01T10:00:00Z", new RuleResult("row_count", RuleStatus.FAIL, "0 rows"));
        ContractReport orders = report(ORDERS, OptionalLong.of(7), "2024-05-01T09:00:00Z", new RuleResult("row_count", RuleStatus.PASS, "5 rows"));
        results.store(customer);
        results.store(orders);
        assertEquals(List.of(orders, customer), results.latest());
        assertTrue(Files.exists(directory.resolve("customer/crm/customer/snapshot-none.json")), "a table without snapshot has its own file");
        assertEquals(Optional.empty(), results.latest(new ProductName("commerce", "sales", "lineitem")));
    }

    @Test
    void anUnreadableResultIsSkippedNotFatal() throws IOException {
        ContractResults results = new ContractResults(directory);
        results.store(report(ORDERS, OptionalLong.of(1), "2024-05-01T10:00:00Z", new RuleResult("row_count", RuleStatus.PASS, "5 rows")));
        ContractReport customer = report(CUSTOMER, OptionalLong.of(3), "2024-05-01T10:00:00Z", new RuleResult("row_count", RuleStatus.PASS, "5 rows"));
        results.store(customer);
        Files.writeString(directory.resolve("commerce/sales/orders/snapshot-1.json"), "{\"product\": 3}");
        assertEquals(Optional.empty(), results.latest(ORDERS));
        assertEquals(List.of(customer), results.latest());
    }

    @Test
    void namesBecomeFolderNamesThatStayInTheirFolder() {
        assertEquals("orders", ContractResults.segment("orders"));
        assertEquals("sales.eu", ContractResults.segment("sales.eu"));
        assertEquals("%2E.", ContractResults.segment(".."), "no name climbs up");
        assertEquals("%2E", ContractResults.segment("."));
        assertEquals("%2Ehidden", ContractResults.segment(".hidden"));
        assertEquals("a%2Fb", ContractResults.segment("a/b"));
        assertEquals("%C3%BCber%20alles", ContractResults.segment("über alles"));
        assertEquals("a%25b", ContractResults.segment("a%b"), "a % is encoded too, so that no two names share a folder");
    }
}
