package io.meshgate.server.audit;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.engine.RelationAccess;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.CellCase;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ColumnKind;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** POLICY.md's orders table, one restricted decision on it, and a policy that resolves ana with attributes. */
final class AuditFixtures {
    static final String REVISION = "rev-7";
    /** Literals that appear in the policy's expressions and in the query: none may reach the audit record. */
    static final String POLICY_SECRET = "EU-ONLY-SECRET";
    static final String QUERY_SECRET = "4111111111111111";

    static final TableDescriptor ORDERS = new TableDescriptor("commerce", "sales", "orders", "6f1c-uuid", "42/1", List.of(
            new ColumnDescriptor("id", 1, ColumnKind.NUMERIC),
            new ColumnDescriptor("region", 2, ColumnKind.STRING),
            new ColumnDescriptor("email", 3, ColumnKind.STRING),
            new ColumnDescriptor("card", 4, ColumnKind.STRING),
            new ColumnDescriptor("amount", 5, ColumnKind.NUMERIC),
            new ColumnDescriptor("notes", 6, ColumnKind.STRING)));

    private AuditFixtures() {
    }

    /** id and region plain, email hashed, amount shown only on some rows; card and notes hidden. */
    static AccessDecision restricted() {
        String onlyEu = "region = '" + POLICY_SECRET + "'";
        return new AccessDecision(REVISION, ORDERS, true, List.of(
                plain(ORDERS.columns().get(0)),
                plain(ORDERS.columns().get(1)),
                new ColumnAccess(ORDERS.columns().get(2), List.of(new CellCase(Optional.empty(), Mask.of(MaskFunction.HASH))), false),
                new ColumnAccess(ORDERS.columns().get(4), List.of(new CellCase(Optional.of(onlyEu), Mask.NONE)), false)),
                new RowRule(List.of(onlyEu), List.of("amount < 1000")), Optional.empty(), false,
                Set.of("ops-eu", "analysts-eu"), Set.of("hash-emails"), Set.of("broken-grant"));
    }

    static RelationAccess restrictedOrders() {
        return new RelationAccess("commerce.sales.orders", ORDERS.uuid(), OptionalLong.of(42), restricted(), List.of("filter kept above the barrier"));
    }

    static RelationAccess wholeOrders() {
        return new RelationAccess("commerce.sales.orders", ORDERS.uuid(), OptionalLong.empty(), AccessDecision.unrestricted(REVISION, ORDERS), List.of());
    }

    static QueryEvent completed(List<RelationAccess> relations) {
        return new QueryEvent(UUID.fromString("00000000-0000-0000-0000-000000000001"), Instant.parse("2026-11-23T12:00:00Z"),
                new Principal("ana", Set.of("analysts")), new ClientInfo("flight-sql-jdbc/18", "10.0.0.5"),
                "SELECT id, email FROM commerce.sales.orders WHERE card = '" + QUERY_SECRET + "' AND amount > 250",
                relations, 3, 96, Duration.ofMillis(12), Duration.ofMillis(30), QueryEvent.Outcome.COMPLETED, Optional.empty());
    }

    /** The secret that keys statement hashes in these tests. */
    static final String HASH_KEY = "audit-fixture-hash-key";

    static Governance governance() {
        return new Governance(policy(), HashKey.of(HASH_KEY));
    }

    static AccessPolicy policy() {
        return new AccessPolicy() {
            @Override
            public String revision() {
                return REVISION;
            }

            @Override
            public ResolvedPrincipal resolve(Principal principal) {
                return new ResolvedPrincipal(principal.name(), Set.of("analysts", "eu-staff"), Set.of("reader"),
                        Map.of("region", new AttributeValue(AttributeType.VARCHAR, "EU"),
                                "cleared", new AttributeValue(AttributeType.BOOLEAN, true),
                                "level", new AttributeValue(AttributeType.BIGINT, 3L),
                                "hired", new AttributeValue(AttributeType.DATE, LocalDate.of(2020, 2, 1))),
                        Map.of());
            }

            @Override
            public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
                throw new UnsupportedOperationException("the auditor never decides");
            }
        };
    }

    private static ColumnAccess plain(ColumnDescriptor column) {
        return new ColumnAccess(column, List.of(new CellCase(Optional.empty(), Mask.NONE)), true);
    }
}
