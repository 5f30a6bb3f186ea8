package io.meshgate.policy.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.policy.load.ExpressionChecker;
import io.meshgate.policy.load.PolicyLoader;
import io.meshgate.policy.model.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLinterTest {
    private static final String TAGS = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential], ordered: true}
              - {key: pii, values: [name, phone]}
            assignments:
              - {on: {domain: customer}, tags: {sensitivity: internal}}
              - {on: {column: customer.crm.customer.c_phone}, tags: {pii: phone, sensitivity: confidential}}
              - {on: {column: customer.crm.customer.c_name}, tags: {pii: name}}
            """;
    private static final MeshInventory MESH = new MeshInventory(List.of(
            new MeshInventory.Table("customer", "crm", "customer", List.of("c_custkey", "c_name", "c_phone", "c_comment")),
            new MeshInventory.Table("commerce", "sales", "orders", List.of("o_orderkey", "o_comment"))));

    @TempDir
    Path dir;

    private List<String> lint(String rules, Optional<MeshInventory> inventory) throws Exception {
        Files.writeString(dir.resolve("tags.yaml"), TAGS);
        Files.writeString(dir.resolve("rules.yaml"), rules);
        PolicySet set = PolicyLoader.load(dir, ExpressionChecker.NONE);
        return PolicyLinter.lint(set, inventory).stream().map(LintFinding::toString).toList();
    }

    private List<String> lint(String rules) throws Exception {
        return lint(rules, Optional.empty());
    }

    @Test
    void grantsWithDifferentMasksOfOneStrengthOnAColumnConflict() throws Exception {
        String rules = """
                grants:
                  - {id: last, to: {groups: [a]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true},
                     masks: [{columns: [c_phone], mask: {fn: SHOW_LAST_N, n: 4}}]}
                  - {id: other, to: {groups: [b]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true}}
                  - {id: first, to: {groups: [c]}, permissions: [SELECT], on: {domain: customer}, columns: {all: true},
                     masks: [{columns: {match: {key: pii, in: [phone]}}, mask: {fn: SHOW_FIRST_N, n: 2}}]}
                  - {id: stronger, to: {groups: [d]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true},
                     masks: [{columns: [c_phone], mask: {fn: HASH}}]}
                  - {id: same, to: {groups: [e]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true},
                     masks: [{columns: [c_phone], mask: {fn: HASH}}]}
                """;
        List<String> expected = List.of("rules.yaml:5: WARNING [mask-conflict] grant 'last' and grant 'first' can both apply to"
                + " customer.crm.customer.c_phone with different masks of strength 1 (SHOW_LAST_N(4), SHOW_FIRST_N(2)): a principal under both"
                + " gets MASK_CONFLICT (POLICY.md R6); make one mask stronger or the masks equal");
        assertEquals(expected, lint(rules));
        assertEquals(expected, lint(rules, Optional.of(MESH)));
    }

    @Test
    void rulesThatCannotMeetTheSamePrincipalDoNotConflict() throws Exception {
        assertEquals(List.of(), lint("""
                grants:
                  - {id: ana, to: {users: [ana]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true},
                     masks: [{columns: [c_phone], mask: {fn: SHOW_LAST_N, n: 4}}]}
                  - {id: bob, to: {users: [bob]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true},
                     masks: [{columns: [c_phone], mask: {fn: SHOW_FIRST_N, n: 4}}]}
                  - {id: privacy, to: {groups: [privacy]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {all: true},
                     masks: [{columns: [c_name], mask: {fn: SHOW_FIRST_N, n: 1}}]}
                restrictions:
                  - {id: names, kind: COLUMN_MASK, to: {all: true}, except: {groups: [privacy]}, columns: {match: {key: pii, in: [name]}},
                     mask: {fn: DATE_YEAR_ONLY}}
                """));
    }

    @Test
    void restrictionMasksTiedWithGrantOrRestrictionMasksConflict() throws Exception {
        assertEquals(List.of(
                "rules.yaml:5: WARNING [mask-conflict] grant 'g' and restriction 'redact' can both apply to customer.crm.customer.c_name"
                        + " with different masks of strength 3 (CUSTOM(upper(c_name)), REDACT): a principal under both gets MASK_CONFLICT"
                        + " (POLICY.md R6); make one mask stronger or the masks equal",
                "rules.yaml:6: WARNING [mask-conflict] grant 'g' and restriction 'nullify' can both apply to customer.crm.customer.c_name"
                        + " with different masks of strength 3 (CUSTOM(upper(c_name)), CUSTOM(NULL)): a principal under both gets MASK_CONFLICT"
                        + " (POLICY.md R6); make one mask stronger or the masks equal",
                "rules.yaml:6: WARNING [mask-conflict] restriction 'redact' and restriction 'nullify' can both apply to customer.crm.customer.c_name"
                        + " with different masks of strength 3 (REDACT, CUSTOM(NULL)): a principal under both gets MASK_CONFLICT"
                        + " (POLICY.md R6); make one mask stronger or the masks equal"), lint("""
                grants:
                  - {id: g, to: {groups: [a]}, permissions: [SELECT], on: {schema: customer.crm}, columns: {all: true},
                     masks: [{columns: [c_name], mask: {fn: CUSTOM, expression: "upper(c_name)", strength: 3}}]}
                restrictions:
                  - {id: redact, kind: COLUMN_MASK, to: {all: true}, columns: {match: {key: pii, in: [name]}}, mask: {fn: REDACT}}
                  - {id: nullify, kind: COLUMN_MASK, to: {groups: [a]}, on: {table: customer.crm.customer}, columns: [c_name],
                     mask: {fn: CUSTOM, expression: "NULL", strength: 3}}
                """));
    }

    @Test
    void withoutAnInventoryAStarStandsForTablesAndColumnsNobodyNamed() throws Exception {
        assertEquals(List.of("rules.yaml:5: WARNING [mask-conflict] grant 'g' and restriction 'r' can both apply to *.*.*.*"
                + " with different masks of strength 1 (SHOW_FIRST_N(2), EMAIL_DOMAIN): a principal under both gets MASK_CONFLICT"
                + " (POLICY.md R6); make one mask stronger or the masks equal"), lint("""
                grants:
                  - {id: g, to: {all: true}, permissions: [SELECT], on: {all: true}, columns: {all: true},
                     masks: [{columns: {all: true}, mask: {fn: SHOW_FIRST_N, n: 2}}]}
                restrictions:
                  - {id: r, kind: COLUMN_MASK, to: {all: true}, columns: {all: true}, mask: {fn: EMAIL_DOMAIN}}
                """));
    }

    @Test
    void aMaskOnAColumnTheGrantDoesNotGiveIsReported() throws Exception {
        String rules = """
                grants:
                  - {id: listed, to: {groups: [a]}, permissions: [SELECT], on: {table: customer.crm.customer}, columns: {include: [c_custkey]},
                     masks: [{columns: [c_phone], mask: {fn: HASH}}, {columns: [c_custkey], mask: {fn: HASH}}]}
                  - {id: tagged, to: {groups: [a]}, permissions: [SELECT], on: {match: {key: sensitivity, at_most: internal}},
                     masks: [{columns: {match: {key: pii, in: [phone, name]}}, mask: {fn: REDACT}}]}
                """;
        assertEquals(List.of(
                "rules.yaml:2: WARNING [hidden-mask-column] grant 'listed' masks customer.crm.customer.c_phone (HASH), which its columns do not"
                        + " include: the mask never applies (add the column to columns, or drop the mask)",
                "rules.yaml:4: WARNING [hidden-mask-column] grant 'tagged' masks customer.crm.customer.c_phone (REDACT), which its columns do not"
                        + " include: the mask never applies (add the column to columns, or drop the mask)"),
                lint(rules), "c_phone is confidential, so SAME leaves it out of 'tagged'");
    }

    @Test
    void theInventoryShowsRulesThatMatchNothingAndNamesTheMeshDoesNotHave() throws Exception {
        assertEquals(List.of(
                "rules.yaml:2: WARNING [matches-nothing] grant 'public' matches no column of any table in the mesh: check its names and tags",
                "rules.yaml:3: WARNING [matches-nothing] grant 'typo' matches no column of any table in the mesh: check its names and tags",
                "rules.yaml:3: WARNING [unknown-object] grant 'typo' names table customer.crm.custmer, which the mesh does not have",
                "rules.yaml:4: ERROR [unknown-column] grant 'columns' names column 'c_phon', which no table it selects has",
                "rules.yaml:6: WARNING [matches-nothing] restriction 'rows' matches no table in the mesh: check its names and tags",
                "rules.yaml:6: WARNING [unknown-object] restriction 'rows' names domain supply, which the mesh does not have",
                "tags.yaml:6: WARNING [unknown-object] an assignment names column customer.crm.customer.c_phone, which the mesh does not have"),
                lint("""
                        grants:
                          - {id: public, to: {all: true}, permissions: [SELECT], on: {match: {key: sensitivity, in: [public]}}}
                          - {id: typo, to: {all: true}, permissions: [SELECT], on: {table: customer.crm.custmer}, columns: {all: true}}
                          - {id: columns, to: {all: true}, permissions: [SELECT], on: {domain: customer}, columns: {exclude: [c_phon, c_comment]}}
                        restrictions:
                          - {id: rows, kind: ROW_FILTER, to: {all: true}, on: {domain: supply}, rows: "false"}
                        """, Optional.of(new MeshInventory(List.of(
                        new MeshInventory.Table("customer", "crm", "customer", List.of("c_custkey", "c_name", "c_comment")))))));
    }
}
