package io.meshgate.server.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshgate.policy.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The portal's JSON: products in a search result (a summary each) and one product in full. Absent
 * values are JSON {@code null}; the page shows every value as text. {@code <}, {@code >}, {@code &}
 * and {@code '} are written as JSON unicode escapes, so no value reads as markup even where JSON is
 * mistaken for HTML.
 */
final class ProductJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new MarkupEscapes());
    }

    /** Jackson's standard escapes plus the characters that start or end markup. */
    private static final class MarkupEscapes extends CharacterEscapes {
        private final int[] escapes;

        MarkupEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    private ProductJson() {
    }

    /** {@code {"user": ..., "groups": [...]}}. */
    static String principal(Principal principal) {
        ObjectNode node = JSON.createObjectNode().put("user", principal.name());
        ArrayNode groups = node.putArray("groups");
        new TreeSet<>(principal.groups()).forEach(groups::add);
        return write(node);
    }

    /** {@code {"query": ..., "products": [summary, ...]}}. */
    static String searchResult(String query, List<Product> products) {
        ObjectNode node = JSON.createObjectNode().put("query", query);
        ArrayNode array = node.putArray("products");
        products.forEach(product -> array.add(summary(product)));
        return write(node);
    }

    static String product(Product product, Instant now) {
        ObjectNode node = summary(product);
        optional(node, "contact", product.contact());
        optional(node, "version", product.version());
        optional(node, "sunset", product.sunset().map(LocalDate::toString));
        optional(node, "access", product.access());
        ObjectNode sla = node.putObject("sla");
        if (product.freshness().sla().isPresent()) {
            sla.put("freshnessMinutes", minutes(product.freshness().sla().get()));
        } else {
            sla.putNull("freshnessMinutes");
        }
        ObjectNode freshness = node.putObject("freshness");
        if (product.freshness().snapshotId().isPresent()) {
            freshness.put("snapshotId", Long.toString(product.freshness().snapshotId().getAsLong()));
        } else {
            freshness.putNull("snapshotId");
        }
        optional(freshness, "updatedAt", product.freshness().updatedAt().map(Instant::toString));
        if (product.freshness().minutesSince(now).isPresent()) {
            freshness.put("minutesSince", product.freshness().minutesSince(now).getAsLong());
        } else {
            freshness.putNull("minutesSince");
        }
        Optional<Boolean> breached = product.freshness().breached(now);
        if (breached.isPresent()) {
            freshness.put("breached", breached.get());
        } else {
            freshness.putNull("breached");
        }
        ObjectNode contract = node.putObject("contract").put("text", product.contract().text());
        optional(contract, "status", product.contract().status().map(Enum::name));
        ArrayNode failing = contract.putArray("failingRules");
        product.contract().failingRules().forEach(failing::add);
        ArrayNode columns = node.putArray("columns");
        for (Product.Column column : product.columns()) {
            ObjectNode c = columns.addObject().put("name", column.name()).put("type", column.type()).put("nullable", column.nullable());
            optional(c, "comment", column.comment());
            tags(c, column.tags());
        }
        node.put("sampleSql", product.sampleSql());
        return write(node);
    }

    /** {@code {"error": message}}. */
    static String error(String message) {
        return write(JSON.createObjectNode().put("error", message));
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the portal's JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode summary(Product product) {
        ObjectNode node = JSON.createObjectNode()
                .put("name", product.qualifiedName())
                .put("domain", product.domain())
                .put("schema", product.schema())
                .put("table", product.table());
        optional(node, "description", product.description());
        optional(node, "owner", product.owner());
        node.put("status", product.status().text());
        node.put("statusText", product.statusText());
        tags(node, product.tags());
        return node;
    }

    /** Whole minutes, rounded up: an SLA of 30 seconds is not one of 0 minutes. */
    private static long minutes(Duration duration) {
        return (duration.getSeconds() + 59) / 60;
    }

    /** {@code "tags": {"key": ["value", ...]}}, keys and values sorted. */
    private static void tags(ObjectNode node, Map<String, Set<String>> tags) {
        ObjectNode object = node.putObject("tags");
        new TreeMap<>(tags).forEach((key, values) -> {
            ArrayNode array = object.putArray(key);
            new TreeSet<>(values).forEach(array::add);
        });
    }

    private static void optional(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
