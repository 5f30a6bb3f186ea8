package io.meshgate.engine.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A contract report as stored, one JSON document with snake_case names that do not change:
 * {@code product, table_uuid, snapshot_id (null when the table had none), checked_at (ISO-8601
 * UTC), status (PASS, FAIL or ERROR), rules [{rule, status, detail}]}.
 */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static String write(ContractReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("product", report.product().toString());
        root.put("table_uuid", report.tableUuid());
        if (report.snapshotId().isPresent()) {
            root.put("snapshot_id", report.snapshotId().getAsLong());
        } else {
            root.putNull("snapshot_id");
        }
        root.put("checked_at", report.checkedAt().toString());
        root.put("status", report.status().name());
        ArrayNode rules = root.putArray("rules");
        for (RuleResult result : report.results()) {
            ObjectNode rule = rules.addObject();
            rule.put("rule", result.rule());
            rule.put("status", result.status().name());
            rule.put("detail", result.detail());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a contract report as JSON", e);
        }
    }

    /** The report written by {@link #write}; throws IllegalArgumentException saying what is wrong with the text. */
    static ContractReport read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        ProductName product = ProductName.parse(text(root, "product"))
                .orElseThrow(() -> new IllegalArgumentException("product is not a full name domain.schema.table"));
        JsonNode snapshot = root.get("snapshot_id");
        if (snapshot == null || !(snapshot.isNull() || snapshot.canConvertToExactIntegral())) {
            throw new IllegalArgumentException("snapshot_id must be a whole number or null");
        }
        Instant checkedAt;
        try {
            checkedAt = Instant.parse(text(root, "checked_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checked_at is not an ISO-8601 instant");
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new IllegalArgumentException("rules must be a list");
        }
        List<RuleResult> results = new ArrayList<>();
        for (JsonNode rule : rules) {
            results.add(new RuleResult(text(rule, "rule"), status(text(rule, "status")), text(rule, "detail")));
        }
        return new ContractReport(product, text(root, "table_uuid"), snapshot.isNull() ? OptionalLong.empty() : OptionalLong.of(snapshot.asLong()),
                checkedAt, results);
    }

    private static RuleStatus status(String text) {
        try {
            return RuleStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + text + "'");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return value.asText();
    }
}
