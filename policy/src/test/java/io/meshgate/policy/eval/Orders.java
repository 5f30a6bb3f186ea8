package io.meshgate.policy.eval;

import static io.meshgate.policy.eval.TestPolicies.atMost;
import static io.meshgate.policy.eval.TestPolicies.exclude;
import static io.meshgate.policy.eval.TestPolicies.grant;
import static io.meshgate.policy.eval.TestPolicies.in;
import static io.meshgate.policy.eval.TestPolicies.include;
import static io.meshgate.policy.eval.TestPolicies.taggedTables;

import io.meshgate.policy.Principal;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectRef;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table, rows and policies of POLICY.md section 7: {@code orders(id, region, email, card,
 * amount, day, notes)} with rows 1 EU, 2 US, 3 EU, 4 APAC; analysts get the columns tagged at most
 * internal on their own region's rows, ops get {id, email} on EU rows, fraud get all but notes with
 * card as SHOW_LAST_N(4); restrictions hide APAC rows from everyone not in cleared and hash emails
 * for everyone not in privacy.
 */
final class Orders {
    static final ObjectRef DOMAIN_REF = ObjectRef.domain("commerce");
    static final ObjectRef TABLE_REF = ObjectRef.table("commerce", "sales", "orders");

    static final ColumnDescriptor ID = new ColumnDescriptor("id", 1, ColumnKind.NUMERIC);
    static final ColumnDescriptor REGION = new ColumnDescriptor("region", 2, ColumnKind.STRING);
    static final ColumnDescriptor EMAIL = new ColumnDescriptor("email", 3, ColumnKind.STRING);
    static final ColumnDescriptor CARD = new ColumnDescriptor("card", 4, ColumnKind.STRING);
    static final ColumnDescriptor AMOUNT = new ColumnDescriptor("amount", 5, ColumnKind.NUMERIC);
    static final ColumnDescriptor DAY = new ColumnDescriptor("day", 6, ColumnKind.DATE);
    static final ColumnDescriptor NOTES = new ColumnDescriptor("notes", 7, ColumnKind.STRING);

    static final TableDescriptor TABLE = new TableDescriptor("commerce", "sales", "orders", "7f0c-orders", "s1",
            List.of(ID, REGION, EMAIL, CARD, AMOUNT, DAY, NOTES));

    static final String CARD_1 = "4111111111111111";

    /** The four rows, values in table order. */
    static final List<List<Object>> ROWS = List.of(
            Arrays.asList(1, "EU", "ana.b@example.com", CARD_1, 120, LocalDate.of(2026, 1, 5), "repeat buyer"),
            Arrays.asList(2, "US", "bo@example.org", "5500000000000004", 80, LocalDate.of(2026, 2, 10), "late"),
            Arrays.asList(3, "EU", "cy@example.net", "340000000000009", 260, LocalDate.of(2026, 3, 15), "gift"),
            Arrays.asList(4, "APAC", "dee@example.com", "3530111333300000", 40, LocalDate.of(2026, 4, 20), "new"));

    /** Analyst in the EU; analysts comes from the authenticator, the region from the policy files. */
    static final Principal ANA = new Principal("ana", Set.of("analysts"));
    /** Analyst in the US; ops comes from the policy files. */
    static final Principal UMA = new Principal("uma", Set.of("analysts"));
    static final Principal FRED = new Principal("fred", Set.of("fraud"));
    static final Principal OTTO = new Principal("otto", Set.of("ops"));
    static final Principal NOBODY = new Principal("nobody", Set.of("visitors"));

    static final Mask LAST_4 = Mask.withN(MaskFunction.SHOW_LAST_N, 4);

    private Orders() {
    }

    static TestPolicies.PolicySetBuilder policy() {
        return TestPolicies.policy()
                .tag("domain", false, "commerce", "customer")
                .tag("sensitivity", true, "public", "internal", "confidential", "restricted")
                .tag("pii", false, "email", "card")
                .attribute("region", AttributeType.VARCHAR)
                .user("ana", Set.of(), Map.of("region", new AttributeValue(AttributeType.VARCHAR, "EU")))
                .user("uma", Set.of("ops"), Map.of("region", new AttributeValue(AttributeType.VARCHAR, "US")))
                .assign(DOMAIN_REF, "domain", "commerce", "sensitivity", "public")
                .assign(TABLE_REF, "sensitivity", "internal")
                .assign(column("email"), "sensitivity", "confidential", "pii", "email")
                .assign(column("card"), "sensitivity", "restricted", "pii", "card")
                .assign(column("notes"), "sensitivity", "confidential")
                .grant(grant("analysts-internal").toGroups("analysts")
                        .on(taggedTables(atMost("sensitivity", "internal")))
                        .columns(new ColumnSelection.Same())
                        .rows("region = :principal.region"))
                .grant(grant("ops-eu").toGroups("ops").columns(include("id", "email")).rows("region = 'EU'"))
                .grant(grant("fraud-all").toGroups("fraud").columns(exclude("notes")).mask(include("card"), LAST_4))
                .restriction(TestPolicies.rowFilter("hide-apac", "region <> 'APAC'").exceptGroups("cleared"))
                .restriction(TestPolicies.columnMask("hash-emails", new ColumnSelection.Tagged(in("pii", "email")), Mask.of(MaskFunction.HASH))
                        .exceptGroups("privacy"));
    }

    static ObjectRef column(String name) {
        return ObjectRef.column("commerce", "sales", "orders", name);
    }

    static TableDescriptor withColumns(String uuid, String version, List<ColumnDescriptor> columns) {
        return new TableDescriptor(TABLE.domain(), TABLE.schema(), TABLE.table(), uuid, version, columns);
    }
}
