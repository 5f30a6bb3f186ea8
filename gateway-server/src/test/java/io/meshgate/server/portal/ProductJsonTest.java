package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

class ProductJsonTest {
    private static final String HOSTILE = "<img src=x onerror='alert(1)'> & </script>";

    @Test
    void markupCharactersAreEscapedAndValuesSurviveARoundTrip() throws Exception {
        Product product = new Product("commerce", "sales", "orders", Optional.of(HOSTILE), Optional.empty(), Optional.empty(),
                Optional.of("v2"), ProductStatus.DEPRECATED, Optional.of(LocalDate.parse("2027-01-31")), Optional.empty(),
                Map.of("sensitivity", Set.of("internal")),
                List.of(new Product.Column("o_orderkey", "bigint", false, Optional.empty(), Map.of())),
                new Product.Freshness(OptionalLong.of(Long.MAX_VALUE), Optional.empty(), Optional.of(Duration.ofSeconds(30))),
                new Product.Contract(Optional.of(RuleStatus.FAIL), List.of("freshness")),
                "SELECT o_orderkey FROM commerce.sales.orders LIMIT 10", false);

        String json = ProductJson.product(product, Instant.EPOCH);

        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("'"), json);
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals(HOSTILE, node.get("description").asText());
        assertEquals(Long.toString(Long.MAX_VALUE), node.get("freshness").get("snapshotId").asText(), "as a string: JavaScript numbers lose digits");
        assertTrue(node.get("freshness").get("minutesSince").isNull());
        assertTrue(node.get("owner").isNull());
        assertTrue(node.get("freshness").get("breached").asBoolean(), "no update at all breaches an SLA");
        assertEquals(1, node.get("sla").get("freshnessMinutes").asLong(), "an SLA of 30 seconds is not one of 0 minutes");
        assertEquals("v2", node.get("version").asText());
        assertEquals("deprecated", node.get("status").asText());
        assertEquals("deprecated until 2027-01-31", node.get("statusText").asText());
        assertEquals("2027-01-31", node.get("sunset").asText());
        assertEquals("FAIL", node.get("contract").get("status").asText());
        assertEquals("freshness", node.get("contract").get("failingRules").get(0).asText());
        assertEquals("FAIL: freshness", node.get("contract").get("text").asText());
        assertEquals("internal", node.get("tags").get("sensitivity").get(0).asText());
        assertFalse(node.get("columns").get(0).get("nullable").asBoolean());
    }
}
