package io.meshgate.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.engine.RelationAccess;
import io.meshgate.error.ErrorCode;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.server.audit.ClientInfo;
import io.meshgate.server.audit.QueryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ProductMetricsTest {
    private static final ProductMetrics.ProductName ORDERS = new ProductMetrics.ProductName("commerce", "sales", "orders");
    private static final ProductMetrics.ProductName CUSTOMER = new ProductMetrics.ProductName("customer", "crm", "customer");

    private static RelationAccess read(ProductMetrics.ProductName product) {
        TableDescriptor table = new TableDescriptor(product.domain(), product.schema(), product.table(), product.table() + "-uuid", "1", List.of());
        return new RelationAccess(product.domain() + "." + product.schema() + "." + product.table(), table.uuid(), OptionalLong.of(1),
                AccessDecision.unrestricted("r", table), List.of());
    }

    private static QueryEvent event(QueryEvent.Outcome outcome, long rows, long bytes, RelationAccess... relations) {
        return new QueryEvent(UUID.randomUUID(), Instant.EPOCH, Principal.of("ana"), new ClientInfo("test", "127.0.0.1"), "SELECT 1",
                List.of(relations), rows, bytes, Duration.ZERO, Duration.ZERO, outcome,
                outcome == QueryEvent.Outcome.FAILED ? Optional.of(ErrorCode.INTERNAL_ERROR) : Optional.empty());
    }

    @Test
    void eachProductAQueryReadCountsTheQueryWithItsWholeResult() {
        ProductMetrics metrics = new ProductMetrics();
        metrics.record(event(QueryEvent.Outcome.COMPLETED, 10, 800, read(ORDERS), read(CUSTOMER)));
        metrics.record(event(QueryEvent.Outcome.CANCELLED, 3, 120, read(ORDERS)));
        metrics.record(event(QueryEvent.Outcome.FAILED, 0, 0, read(ORDERS)));

        assertEquals(List.of(new ProductMetrics.Usage(ORDERS, 1, 1, 1, 13, 920), new ProductMetrics.Usage(CUSTOMER, 1, 0, 0, 10, 800)),
                metrics.usage(), "sorted by domain, schema and table");
    }

    @Test
    void aSelfJoinCountsOnce() {
        ProductMetrics metrics = new ProductMetrics();
        metrics.record(event(QueryEvent.Outcome.COMPLETED, 4, 64, read(ORDERS), read(ORDERS)));
        assertEquals(List.of(new ProductMetrics.Usage(ORDERS, 1, 0, 0, 4, 64)), metrics.usage());
    }

    @Test
    void aQueryThatReadNoProductCountsNowhere() {
        ProductMetrics metrics = new ProductMetrics();
        metrics.record(event(QueryEvent.Outcome.COMPLETED, 1, 8));
        assertEquals(List.of(), metrics.usage());
    }

    @Test
    void productsPastTheLimitAreNotTracked() {
        ProductMetrics metrics = new ProductMetrics(1);
        metrics.record(event(QueryEvent.Outcome.COMPLETED, 1, 8, read(ORDERS)));
        metrics.record(event(QueryEvent.Outcome.COMPLETED, 1, 8, read(CUSTOMER)));
        metrics.record(event(QueryEvent.Outcome.COMPLETED, 2, 16, read(ORDERS)));
        assertEquals(List.of(new ProductMetrics.Usage(ORDERS, 2, 0, 0, 3, 24)), metrics.usage());
    }

    @Test
    void concurrentQueriesAreAllCounted() throws Exception {
        ProductMetrics metrics = new ProductMetrics();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        metrics.record(event(QueryEvent.Outcome.COMPLETED, 2, 10, read(ORDERS)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(new ProductMetrics.Usage(ORDERS, 4000, 0, 0, 8000, 40000)), metrics.usage());
    }
}
