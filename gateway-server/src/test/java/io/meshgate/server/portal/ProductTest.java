package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductTest {
    private static final Product ORDERS = new Product("commerce", "sales", "orders", Optional.of("Every order placed"),
            Optional.of("Commerce team"), Optional.empty(), Optional.empty(), Optional.of("active"), Optional.empty(), Optional.empty(),
            Map.of("sensitivity", Set.of("internal")),
            List.of(new Product.Column("o_totalprice", "decimal(12,2)", true, Optional.of("Gross amount"), Map.of("money", Set.of("eur")))),
            new Product.Freshness(OptionalLong.empty(), Optional.empty()), PortalCatalog.NO_CONTRACT, "SELECT 1", false);

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
    }
}
