package io.meshgate.server.portal;

import static io.meshgate.server.metrics.PrometheusText.labels;
import static java.util.Objects.requireNonNull;

import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.server.metrics.ProductMetrics;
import io.meshgate.server.metrics.PrometheusText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code /metrics} page for one principal, in Prometheus' text format. Served-data counters
 * are statistics (POLICY.md B6): they are shown for the products whose statistics the principal
 * may read; freshness for every product it may DESCRIBE whose update time is known, and contract
 * status for every product it may DESCRIBE that has stored contract results. Products it may not
 * DESCRIBE have no series at all, so their names never appear.
 */
final class PortalMetrics {
    static final String QUERIES = "meshgate_product_queries_total";
    static final String ROWS = "meshgate_product_rows_served_total";
    static final String BYTES = "meshgate_product_bytes_served_total";
    static final String FRESHNESS = "meshgate_product_freshness_minutes";
    static final String CONTRACT = "meshgate_product_contract_status";

    private PortalMetrics() {
    }

    /** The page for a principal who may DESCRIBE {@code visible}. */
    static String render(List<Product> visible, List<ProductMetrics.Usage> usage, Instant now) {
        requireNonNull(now, "now is null");
        Map<String, Product> byName = visible.stream().collect(Collectors.toMap(Product::qualifiedName, Function.identity(), (a, b) -> a));
        List<ProductMetrics.Usage> shown = usage.stream()
                .filter(u -> {
                    Product product = byName.get(u.product().domain() + "." + u.product().schema() + "." + u.product().table());
                    return product != null && product.statisticsVisible();
                })
                .toList();
        PrometheusText text = new PrometheusText();
        text.family(QUERIES, PrometheusText.Type.COUNTER, "Queries that read the data product, by how they ended (completed, cancelled, failed).");
        for (ProductMetrics.Usage u : shown) {
            text.sample(product(u.product(), "outcome", "completed"), u.completed());
            text.sample(product(u.product(), "outcome", "cancelled"), u.cancelled());
            text.sample(product(u.product(), "outcome", "failed"), u.failed());
        }
        text.family(ROWS, PrometheusText.Type.COUNTER, "Result rows sent to clients by queries that read the data product.");
        shown.forEach(u -> text.sample(product(u.product()), u.rows()));
        text.family(BYTES, PrometheusText.Type.COUNTER, "Result bytes (Arrow IPC bodies) sent to clients by queries that read the data product.");
        shown.forEach(u -> text.sample(product(u.product()), u.bytes()));
        text.family(FRESHNESS, PrometheusText.Type.GAUGE, "Minutes since the data product was last updated, where that time is known.");
        for (Product product : visible) {
            OptionalLong minutes = product.freshness().minutesSince(now);
            if (minutes.isPresent()) {
                text.sample(labels("domain", product.domain(), "schema", product.schema(), "table", product.table()), minutes.getAsLong());
            }
        }
        text.family(CONTRACT, PrometheusText.Type.GAUGE,
                "The latest contract check of the data product: 1 every rule holds, 0 a rule fails, -1 a rule could not be checked.");
        for (Product product : visible) {
            product.contract().status().ifPresent(status -> text.sample(
                    labels("domain", product.domain(), "schema", product.schema(), "table", product.table()), gauge(status)));
        }
        return text.toString();
    }

    private static long gauge(RuleStatus status) {
        return switch (status) {
            case PASS -> 1;
            case FAIL -> 0;
            case ERROR -> -1;
        };
    }

    private static Map<String, String> product(ProductMetrics.ProductName name, String... more) {
        Map<String, String> labels = labels("domain", name.domain(), "schema", name.schema(), "table", name.table());
        labels.putAll(labels(more));
        return labels;
    }
}
