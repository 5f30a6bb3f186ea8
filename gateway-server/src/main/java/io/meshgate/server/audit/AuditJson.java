package io.meshgate.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshgate.policy.model.AttributeValue;
import java.util.List;

/**
 * An audit record as one line of JSON, with snake_case field names that do not change:
 * {@code time, query_id, principal {user, groups, roles, attributes, client, address},
 * statement {hash, text}, policy_revision, decision, outcome, error (only when failed),
 * relations [{object, uuid, snapshot, via, grants, restrictions, dropped_grants,
 * columns {visible, hidden, masked, cell_nulled}, suppressed}], rows, timings {planning_ms, execution_ms}}}.
 */
final class AuditJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJson() {
    }

    static String line(AuditRecord record) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("time", record.time().toString());
        root.put("query_id", record.queryId().toString());
        principal(root.putObject("principal"), record.principal());
        ObjectNode statement = root.putObject("statement");
        statement.put("hash", record.statement().hash());
        statement.put("text", record.statement().text());
        root.put("policy_revision", record.policyRevision());
        root.put("decision", record.decision().name());
        root.put("outcome", record.outcome().name());
        record.error().ifPresent(code -> root.put("error", code.name()));
        ArrayNode relations = root.putArray("relations");
        record.relations().forEach(r -> relation(relations.addObject(), r));
        root.put("rows", record.rows());
        ObjectNode timings = root.putObject("timings");
        timings.put("planning_ms", record.timings().planningMillis());
        timings.put("execution_ms", record.timings().executionMillis());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit record as JSON", e);
        }
    }

    private static void principal(ObjectNode node, AuditRecord.Caller caller) {
        node.put("user", caller.user());
        strings(node.putArray("groups"), caller.groups());
        strings(node.putArray("roles"), caller.roles());
        ObjectNode attributes = node.putObject("attributes");
        caller.attributes().forEach((name, value) -> attribute(attributes, name, value));
        node.put("client", caller.client());
        node.put("address", caller.address());
    }

    private static void attribute(ObjectNode node, String name, AttributeValue value) {
        switch (value.type()) {
            case BOOLEAN -> node.put(name, (Boolean) value.value());
            case BIGINT -> node.put(name, (Long) value.value());
            case VARCHAR, DATE -> node.put(name, value.value().toString());
        }
    }

    private static void relation(ObjectNode node, AuditRecord.Relation relation) {
        node.put("object", relation.object());
        node.put("uuid", relation.uuid());
        if (relation.snapshot().isPresent()) {
            node.put("snapshot", relation.snapshot().getAsLong());
        } else {
            node.putNull("snapshot");
        }
        strings(node.putArray("via"), relation.via());
        strings(node.putArray("grants"), relation.grants());
        strings(node.putArray("restrictions"), relation.restrictions());
        strings(node.putArray("dropped_grants"), relation.dropped());
        ObjectNode columns = node.putObject("columns");
        strings(columns.putArray("visible"), relation.columns().visible());
        strings(columns.putArray("hidden"), relation.columns().hidden());
        strings(columns.putArray("masked"), relation.columns().masked());
        strings(columns.putArray("cell_nulled"), relation.columns().cellNulled());
        strings(node.putArray("suppressed"), relation.suppressed());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
