package io.meshgate.server.audit;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.RelationAccess;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.model.AttributeValue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One query as the audit log records it (POLICY.md section 6): who, what (the statement's hash and
 * its text with the literals taken out), under which policy revision, with which decision, what
 * each table read allowed, how many rows left and how long it took. It holds names, ids and
 * counts, never a value from a row.
 */
public record AuditRecord(Instant time, UUID queryId, Caller principal, Statement statement, String policyRevision,
        AuditDecision decision, QueryEvent.Outcome outcome, Optional<ErrorCode> error, List<Relation> relations, long rows,
        Timings timings) {
    public AuditRecord {
        requireNonNull(time, "time is null");
        requireNonNull(queryId, "queryId is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(statement, "statement is null");
        requireNonNull(policyRevision, "policyRevision is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(error, "error is null");
        relations = List.copyOf(requireNonNull(relations, "relations is null"));
        requireNonNull(timings, "timings is null");
    }

    /**
     * Who ran the query: the name, groups, roles and attribute values the policy resolved for
     * it, and the client it came from.
     */
    public record Caller(String user, List<String> groups, List<String> roles, Map<String, AttributeValue> attributes,
            String client, String address) {
        public Caller {
            requireNonNull(user, "user is null");
            groups = sorted(requireNonNull(groups, "groups is null"));
            roles = sorted(requireNonNull(roles, "roles is null"));
            attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
            requireNonNull(client, "client is null");
            requireNonNull(address, "address is null");
        }
    }

    /**
     * @param hash HMAC-SHA256 of the statement as the client sent it, under the policy hash key, in
     *             hex: equal statements have equal hashes, and a guessed literal cannot be confirmed
     *             without the key
     * @param text the statement with every literal replaced by {@code ?} and comments removed
     */
    public record Statement(String hash, String text) {
        public Statement {
            requireNonNull(hash, "hash is null");
            requireNonNull(text, "text is null");
        }

        public static Statement of(String sql, HashKey key) {
            requireNonNull(sql, "sql is null");
            return new Statement(key.hmacHex(sql), LiteralRedactor.redact(sql));
        }
    }

    /**
     * One table the query read.
     *
     * @param object       {@code domain.schema.table}: the table read, a link's target when read through links
     * @param via          the link names it was read through, the name the query used first; empty for a direct read
     * @param grants       ids of the grants that applied (through links: on every layer)
     * @param restrictions ids of the restrictions that applied
     * @param dropped      ids of grants dropped because they could not be evaluated (R8)
     * @param suppressed   optimizations the policy barrier kept from happening
     */
    public record Relation(String object, String uuid, OptionalLong snapshot, List<String> via, List<String> grants, List<String> restrictions,
            List<String> dropped, Columns columns, List<String> suppressed) {
        public Relation {
            requireNonNull(object, "object is null");
            requireNonNull(uuid, "uuid is null");
            requireNonNull(snapshot, "snapshot is null");
            via = List.copyOf(requireNonNull(via, "via is null"));
            grants = sorted(requireNonNull(grants, "grants is null"));
            restrictions = sorted(requireNonNull(restrictions, "restrictions is null"));
            dropped = sorted(requireNonNull(dropped, "dropped is null"));
            requireNonNull(columns, "columns is null");
            suppressed = List.copyOf(requireNonNull(suppressed, "suppressed is null"));
        }

        /** A table read directly. */
        public Relation(String object, String uuid, OptionalLong snapshot, List<String> grants, List<String> restrictions,
                List<String> dropped, Columns columns, List<String> suppressed) {
            this(object, uuid, snapshot, List.of(), grants, restrictions, dropped, columns, suppressed);
        }

        public static Relation of(RelationAccess access) {
            List<AccessDecision> decisions = access.decisions();
            return new Relation(access.object(), access.uuid(), access.snapshotId(), access.via(),
                    decisions.stream().flatMap(d -> d.grants().stream()).distinct().toList(),
                    decisions.stream().flatMap(d -> d.restrictions().stream()).distinct().toList(),
                    decisions.stream().flatMap(d -> d.dropped().stream()).distinct().toList(),
                    Columns.of(decisions), access.suppressed());
        }
    }

    /**
     * The table's columns by what the principal got: visible ones in table order, hidden ones
     * (in the table, not visible), and among the visible those masked and those whose cells may be NULLed (R5).
     */
    public record Columns(List<String> visible, List<String> hidden, List<String> masked, List<String> cellNulled) {
        public Columns {
            visible = List.copyOf(requireNonNull(visible, "visible is null"));
            hidden = List.copyOf(requireNonNull(hidden, "hidden is null"));
            masked = List.copyOf(requireNonNull(masked, "masked is null"));
            cellNulled = List.copyOf(requireNonNull(cellNulled, "cellNulled is null"));
        }

        /**
         * Of the decisions applied to one read, the producer's first and the principal's own last:
         * visible are the last one's columns, hidden the other columns of the table itself, masked
         * and cell-nulled those that any decision masks or may null.
         */
        static Columns of(List<AccessDecision> decisions) {
            AccessDecision own = decisions.get(decisions.size() - 1);
            List<String> visible = own.columns().stream().map(c -> c.column().name()).toList();
            List<String> hidden = decisions.get(0).table().columns().stream().map(ColumnDescriptor::name)
                    .filter(name -> !visible.contains(name)).toList();
            List<String> masked = visible.stream()
                    .filter(name -> decisions.stream().anyMatch(d -> d.column(name).filter(ColumnAccess::masked).isPresent())).toList();
            List<String> cellNulled = visible.stream()
                    .filter(name -> decisions.stream().anyMatch(d -> d.column(name).filter(ColumnAccess::cellNulled).isPresent())).toList();
            return new Columns(visible, hidden, masked, cellNulled);
        }
    }

    public record Timings(long planningMillis, long executionMillis) {
        public Timings {
            if (planningMillis < 0 || executionMillis < 0) {
                throw new IllegalArgumentException("Cannot create Timings: durations are not negative");
            }
        }
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

}
