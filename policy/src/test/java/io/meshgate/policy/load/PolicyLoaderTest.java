package io.meshgate.policy.load;

import static io.meshgate.policy.load.PolicyTexts.DECLARATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PolicyUser;
import io.meshgate.policy.model.PrincipalMatch;
import io.meshgate.policy.model.Restriction;
import io.meshgate.policy.model.Role;
import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagExpression.Condition.Comparison;
import io.meshgate.policy.model.TagKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private static final String RULES = """
            assignments:
              - {on: {table: customer.crm.customer}, tags: {sensitivity: internal}}
              - {on: {column: customer.crm.customer.c_phone}, tags: {pii: phone, sensitivity: confidential}}
            principals:
              users:
                - {name: sam, groups: [sales], attributes: {segment: BUILDING, level: 3}}
            grants:
              - id: sales
                to: {groups: [sales], roles: [auditor]}
                permissions: [SELECT, DESCRIBE]
                on: {match: {all: [{key: sensitivity, at_most: internal}, {any: [{key: pii, in: [name, phone]}]}]}}
                rows: "c_mktsegment = :principal.segment"
                masks:
                  - {columns: [c_phone], mask: {fn: SHOW_LAST_N, n: 4}}
                  - {columns: {match: {key: pii, in: [name]}}, mask: {fn: CUSTOM, expression: "upper(c_name)", strength: 2}}
                valid: {from: "2025-01-01T00:00:00Z", until: "2026-01-01T00:00:00Z"}
              - id: everything
                to: {all: true}
                permissions: [DESCRIBE]
                on: {objects: [{domain: customer}, {schema: commerce.sales}]}
                columns: {exclude: [c_comment]}
            restrictions:
              - id: hide-names
                kind: COLUMN_MASK
                to: {all: true}
                except: {users: [admin]}
                columns: [c_name]
                mask: {fn: CONSTANT, value: "'n/a'"}
              - id: no-building
                kind: ROW_FILTER
                to: {groups: [sales]}
                on: {table: customer.crm.customer}
                rows: "c_mktsegment <> 'BUILDING'"
            """;

    @Test
    void bindsEveryElementOfTheFiles() {
        PolicySet set = PolicyTexts.load("declarations.yaml", DECLARATIONS, "rules.yaml", RULES);
        assertEquals(List.of(
                new TagKey("sensitivity", List.of("public", "internal", "confidential"), true, new Origin("declarations.yaml", 2)),
                new TagKey("pii", List.of("name", "phone"), false, new Origin("declarations.yaml", 3))), set.tags());
        assertEquals(Map.of("segment", AttributeType.VARCHAR, "level", AttributeType.BIGINT), set.attributes());
        assertEquals(List.of(new Role("auditor", Set.of(), Set.of(), Set.of("audit"), new Origin("declarations.yaml", 7))), set.roles());
        assertEquals(List.of(new PolicyUser("sam", Set.of("sales"), Map.of(
                "segment", new AttributeValue(AttributeType.VARCHAR, "BUILDING"),
                "level", new AttributeValue(AttributeType.BIGINT, 3L)), new Origin("rules.yaml", 6))), set.users());
        assertEquals(List.of(
                new Assignment(ObjectRef.table("customer", "crm", "customer"), Map.of("sensitivity", "internal"), new Origin("rules.yaml", 2)),
                new Assignment(ObjectRef.column("customer", "crm", "customer", "c_phone"), Map.of("pii", "phone", "sensitivity", "confidential"),
                        new Origin("rules.yaml", 3))), set.assignments());

        TagExpression expression = new TagExpression.All(List.of(
                new TagExpression.Condition("sensitivity", Comparison.AT_MOST, Set.of("internal")),
                new TagExpression.Any(List.of(new TagExpression.Condition("pii", Comparison.IN, Set.of("name", "phone"))))));
        Grant sales = new Grant("sales", new PrincipalMatch(false, Set.of(), Set.of("sales"), Set.of("auditor")),
                Set.of(Permission.SELECT, Permission.DESCRIBE), new ObjectSelection.Tagged(expression), new ColumnSelection.Same(),
                Optional.of("c_mktsegment = :principal.segment"),
                List.of(new ColumnMask(new ColumnSelection.Include(Set.of("c_phone")), Mask.withN(MaskFunction.SHOW_LAST_N, 4)),
                        new ColumnMask(new ColumnSelection.Tagged(new TagExpression.Condition("pii", Comparison.IN, Set.of("name"))),
                                Mask.custom("upper(c_name)", 2))),
                Optional.of(Instant.parse("2025-01-01T00:00:00Z")), Optional.of(Instant.parse("2026-01-01T00:00:00Z")), new Origin("rules.yaml", 8));
        Grant everything = new Grant("everything", PrincipalMatch.everyone(), Set.of(Permission.DESCRIBE),
                new ObjectSelection.Named(List.of(ObjectRef.domain("customer"), ObjectRef.schema("commerce", "sales"))),
                new ColumnSelection.Exclude(Set.of("c_comment")), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                new Origin("rules.yaml", 17));
        assertEquals(List.of(sales, everything), set.grants());

        assertEquals(List.of(
                new Restriction("hide-names", Restriction.Kind.COLUMN_MASK, PrincipalMatch.everyone(),
                        new PrincipalMatch(false, Set.of("admin"), Set.of(), Set.of()), new ObjectSelection.Everything(),
                        new ColumnSelection.Include(Set.of("c_name")), Optional.empty(), Optional.of(Mask.constant("'n/a'")), new Origin("rules.yaml", 23)),
                new Restriction("no-building", Restriction.Kind.ROW_FILTER, new PrincipalMatch(false, Set.of(), Set.of("sales"), Set.of()),
                        PrincipalMatch.nobody(), new ObjectSelection.Named(List.of(ObjectRef.table("customer", "crm", "customer"))),
                        new ColumnSelection.AllColumns(), Optional.of("c_mktsegment <> 'BUILDING'"), Optional.empty(), new Origin("rules.yaml", 29))),
                set.restrictions());
        assertEquals(64, set.revision().length());
    }
}
