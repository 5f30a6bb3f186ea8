package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.engine.product.ProductStatus;
import io.meshgate.server.metrics.ProductMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PortalMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static Product product(String domain, String schema, String table, boolean statisticsVisible, Optional<Instant> updatedAt) {
        return product(domain, schema, table, statisticsVisible, updatedAt, Product.Contract.NONE);
    }

    static Product product(String domain, String schema, String table, boolean statisticsVisible, Optional<Instant> updatedAt,
            Product.Contract contract) {
        return new Product(domain, schema, table, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ProductStatus.ACTIVE,
                Optional.empty(), Optional.empty(), Map.of(), List.of(), new Product.Freshness(OptionalLong.of(7), updatedAt, Optional.empty()),
                contract, "SELECT * FROM " + domain + "." + schema + "." + table + " LIMIT 10", statisticsVisible);
    }

    private static ProductMetrics.Usage usage(String domain, String schema, String table) {
        return new ProductMetrics.Usage(new ProductMetrics.ProductName(domain, schema, table), 2, 1, 0, 30, 4096);
    }

    @Test
    void countersAreShownForProductsWhoseStatisticsThePrincipalMayRead() {
        String text = PortalMetrics.render(List.of(product("commerce", "sales", "orders", true, Optional.empty())),
                List.of(usage("commerce", "sales", "orders")), NOW);
        assertTrue(text.contains("# TYPE meshgate_product_queries_total counter\n"), text);
        assertTrue(text.contains("meshgate_product_queries_total{domain=\"commerce\",schema=\"sales\",table=\"orders\",outcome=\"completed\"} 2\n"), text);
        assertTrue(text.contains("meshgate_product_queries_total{domain=\"commerce\",schema=\"sales\",table=\"orders\",outcome=\"cancelled\"} 1\n"), text);
        assertTrue(text.contains("meshgate_product_rows_served_total{domain=\"commerce\",schema=\"sales\",table=\"orders\"} 30\n"), text);
        assertTrue(text.contains("meshgate_product_bytes_served_total{domain=\"commerce\",schema=\"sales\",table=\"orders\"} 4096\n"), text);
    }

    @Test
    void productsThePrincipalMayNotDescribeOrWhoseStatisticsItMayNotReadHaveNoSeries() {
        String text = PortalMetrics.render(List.of(product("commerce", "sales", "orders", false, Optional.empty())),
                List.of(usage("commerce", "sales", "orders"), usage("customer", "crm", "nation")), NOW);
        assertFalse(text.contains("orders"), text);
        assertFalse(text.contains("nation"), "a hidden product's name never appears: " + text);
        assertTrue(text.contains("# HELP meshgate_product_rows_served_total "), "the families are still described: " + text);
    }

    @Test
    void freshnessIsShownOnlyWhereTheUpdateTimeIsKnown() {
        String text = PortalMetrics.render(List.of(
                        product("commerce", "sales", "orders", false, Optional.of(NOW.minusSeconds(90 * 60 + 30))),
                        product("commerce", "sales", "lineitem", true, Optional.empty())),
                List.of(), NOW);
        assertTrue(text.contains("# TYPE meshgate_product_freshness_minutes gauge\n"
                + "meshgate_product_freshness_minutes{domain=\"commerce\",schema=\"sales\",table=\"orders\"} 90\n"), text);
        assertFalse(text.contains("lineitem"), "no made-up freshness for a product whose update time is unknown: " + text);
    }

    @Test
    void contractStatusIsOneForPassZeroForFailMinusOneForErrorAndAbsentWithoutResults() {
        String text = PortalMetrics.render(List.of(
                        product("commerce", "sales", "orders", false, Optional.empty(), new Product.Contract(Optional.of(RuleStatus.PASS), List.of())),
                        product("commerce", "sales", "lineitem", false, Optional.empty(),
                                new Product.Contract(Optional.of(RuleStatus.FAIL), List.of("freshness"))),
                        product("customer", "crm", "customer", false, Optional.empty(),
                                new Product.Contract(Optional.of(RuleStatus.ERROR), List.of("not_null(c_x)"))),
                        product("customer", "crm", "nation", true, Optional.empty())),
                List.of(), NOW);
        assertTrue(text.contains("# TYPE meshgate_product_contract_status gauge\n"
                + "meshgate_product_contract_status{domain=\"commerce\",schema=\"sales\",table=\"orders\"} 1\n"
                + "meshgate_product_contract_status{domain=\"commerce\",schema=\"sales\",table=\"lineitem\"} 0\n"
                + "meshgate_product_contract_status{domain=\"customer\",schema=\"crm\",table=\"customer\"} -1\n"), text);
        assertFalse(text.contains("nation"), "no series for a product never checked: " + text);
    }
}
