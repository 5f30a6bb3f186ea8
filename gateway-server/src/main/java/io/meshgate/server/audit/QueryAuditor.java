package io.meshgate.server.audit;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.ResolvedPrincipal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the transport saw of a query into its audit record and writes it. Writing never
 * fails the query: a record that cannot be written is reported on the {@code io.meshgate.audit}
 * logger.
 */
public final class QueryAuditor implements QueryRecorder {
    private static final Logger LOG = LoggerFactory.getLogger("io.meshgate.audit");

    private final AuditLog log;
    private final AccessPolicy policy;
    private final HashKey hashKey;

    /**
     * {@code governance}'s policy resolves principals (groups, roles, attributes) and names the
     * revision of queries that read no table; its hash key keys the statement hashes.
     */
    public QueryAuditor(AuditLog log, Governance governance) {
        this.log = requireNonNull(log, "log is null");
        this.policy = requireNonNull(governance, "governance is null").policy();
        this.hashKey = governance.hashKey();
    }

    @Override
    public void record(QueryEvent event) {
        requireNonNull(event, "event is null");
        try {
            log.write(toRecord(event));
        } catch (RuntimeException e) {
            LOG.error("Cannot write the audit record of query {} by {}: {}", event.queryId(), event.principal().name(), e.toString());
        }
    }

    AuditRecord toRecord(QueryEvent event) {
        ResolvedPrincipal resolved = policy.resolve(event.principal());
        AuditRecord.Caller caller = new AuditRecord.Caller(resolved.name(), List.copyOf(resolved.groups()),
                List.copyOf(resolved.roles()), resolved.attributes(), event.client().application(), event.client().address());
        // The revision the tables were decided under; the current one when the query read none.
        String revision = event.relations().stream().map(r -> r.decision().revision()).findFirst().orElseGet(policy::revision);
        return new AuditRecord(event.time(), event.queryId(), caller, AuditRecord.Statement.of(event.sql(), hashKey), revision,
                AuditDecision.of(event.error(), event.relations()), event.outcome(), event.error(),
                event.relations().stream().map(AuditRecord.Relation::of).toList(), event.rows(),
                new AuditRecord.Timings(event.planning().toMillis(), event.execution().toMillis()));
    }
}
