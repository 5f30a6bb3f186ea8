package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.engine.product.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductTest {
    private static final Product ORDERS = new Product("commerce", "sales", "orders", Optional.of("Every order placed"),
            Optional.of("Commerce team"), Optional.empty(), Optional.empty(), ProductStatus.ACTIVE, Optional.empty(), Optional.empty(),
            Map.of("sensitivity", Set.of("internal")),
            List.of(new Product.Column("o_totalprice", "decimal(12,2)", true, Optional.of("Gross amount"), Map.of("money", Set.of("eur")))),
            new Product.Freshness(OptionalLong.empty(), Optional.empty(), Optional.empty()), Product.Contract.NONE, "SELECT 1", false);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void everyWordMustMatchSomewhereIgnoringCase() {
        assertTrue(ORDERS.matches(""), "a blank query matches everything");
        assertTrue(ORDERS.matches("  COMMERCE  "));
        assertTrue(ORDERS.matches("sales.orders"));
        assertTrue(ORDERS.matches("placed team"), "description and owner");
        assertTrue(ORDERS.matches("internal"), "a tag value");
        assertTrue(ORDERS.matches("sensitivity=internal"), "a tag as key=value");
        assertTrue(ORDERS.matches("money=eur"), "a column's tag");
        assertFalse(ORDERS.matches("sensitivity=eur"), "a key with another key's value");
        assertTrue(ORDERS.matches("totalprice gross"), "a column's name and description");
        assertFalse(ORDERS.matches("orders nation"), "every word must match");
        assertTrue(ORDERS.matches("active"), "the status");
    }

    @Test
    void aDeprecatedProductWithASunsetSaysUntilWhen() {
        assertEquals("active", ORDERS.statusText());
        Product deprecated = new Product("supply", "inventory", "partsupp", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ProductStatus.DEPRECATED, Optional.of(LocalDate.parse("2027-03-01")), Optional.empty(), Map.of(), List.of(),
                new Product.Freshness(OptionalLong.empty(), Optional.empty(), Optional.empty()), Product.Contract.NONE, "SELECT 1", false);
        assertEquals("deprecated until 2027-03-01", deprecated.statusText());
    }

    @Test
    void freshnessIsBreachedWhenOlderThanTheSlaOrNeverUpdatedAndUnknownWithoutAnSla() {
        Optional<Duration> hour = Optional.of(Duration.ofHours(1));
        assertEquals(Optional.of(false), new Product.Freshness(OptionalLong.of(1), Optional.of(NOW.minusSeconds(3600)), hour).breached(NOW));
        assertEquals(Optional.of(true), new Product.Freshness(OptionalLong.of(1), Optional.of(NOW.minusSeconds(3601)), hour).breached(NOW));
        assertEquals(Optional.of(true), new Product.Freshness(OptionalLong.empty(), Optional.empty(), hour).breached(NOW), "no data at all");
        assertEquals(Optional.empty(), new Product.Freshness(OptionalLong.of(1), Optional.of(NOW), Optional.empty()).breached(NOW));
        assertEquals(OptionalLong.of(61), new Product.Freshness(OptionalLong.of(1), Optional.of(NOW.minusSeconds(3690)), hour).minutesSince(NOW));
    }

    @Test
    void contractTextNamesTheRulesThatDidNotHold() {
        assertEquals("no contract results", Product.Contract.NONE.text());
        assertEquals("PASS", new Product.Contract(Optional.of(RuleStatus.PASS), List.of()).text());
        assertEquals("FAIL: freshness, unique(o_orderkey)",
                new Product.Contract(Optional.of(RuleStatus.FAIL), List.of("freshness", "unique(o_orderkey)")).text());
        assertEquals("ERROR: not_null(x)", new Product.Contract(Optional.of(RuleStatus.ERROR), List.of("not_null(x)")).text());
    }
}
