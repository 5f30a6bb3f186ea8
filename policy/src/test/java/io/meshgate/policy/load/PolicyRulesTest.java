package io.meshgate.policy.load;

import static io.meshgate.policy.load.PolicyTexts.DECLARATIONS;
import static io.meshgate.policy.load.PolicyTexts.problemsOfRules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule a policy file can break, reported with its file, line and rule name. */
class PolicyRulesTest {
    private static final String GRANT = """
            grants:
              - id: g
                to: {groups: [analysts]}
                permissions: [SELECT]
            """;

    @Test
    void invalidYamlIsOneSyntaxProblem() {
        assertEquals(List.of("rules.yaml:2: [yaml-syntax] not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>"),
                problemsOfRules("grants: [a,\n  b\n"));
    }

    @Test
    void duplicateKeysAreReported() {
        assertEquals(List.of("rules.yaml:5: [duplicate-key] grants[0].permissions: duplicate key (write each key once per mapping)"),
                problemsOfRules(GRANT + "    permissions: [DESCRIBE]\n    on: {all: true}\n"));
    }

    @Test
    void unknownKeysAreReportedWithTheKnownOnes() {
        assertEquals(List.of(
                "rules.yaml:1: [unknown-key] grant: unknown key (known keys here: assignments, grants, principals, restrictions, tags)",
                "rules.yaml:6: [invalid-selection] grants[0].on: needs one of all, domain, schema, table, objects, match",
                "rules.yaml:6: [unknown-key] grants[0].on.domian: unknown key (known keys here: all, domain, match, objects, schema, table)",
                "rules.yaml:7: [unknown-key] grants[0].colums: unknown key (known keys here: columns, id, masks, on, permissions, rows, to, valid)"),
                problemsOfRules("grant: []\n" + GRANT + "    on: {domian: commerce}\n    colums: {all: true}\n"));
    }

    @Test
    void requiredKeysAndShapesAreChecked() {
        assertEquals(List.of(
                "rules.yaml:2: [missing-key] grants[0]: 'id' is required",
                "rules.yaml:2: [wrong-type] grants[0].to: must be a mapping (key: value), not 'analysts'",
                "rules.yaml:2: [missing-key] grants[0]: 'on' is required ({all: true}, {table: domain.schema.table}, {match: <tag expression>}, ...)",
                "rules.yaml:3: [wrong-type] grants[0].permissions: must be a list, not 'SELECT'",
                "rules.yaml:4: [wrong-type] grants[0].rows: must have a value (or leave the key out)"),
                problemsOfRules("grants:\n  - to: analysts\n    permissions: SELECT\n    rows:\n"));
    }

    @Test
    void aFileMustBeAMapping() {
        assertEquals(List.of("rules.yaml:1: [wrong-type] a policy file must be a mapping of tags, principals, assignments, grants and restrictions, not a list"),
                problemsOfRules("- grants\n"));
    }

    @Test
    void tagsAreDeclaredOnceWithUniqueLowerCaseValues() {
        assertEquals(List.of(
                "rules.yaml:2: [duplicate-value] tags[0].values: 'red' is listed twice",
                "rules.yaml:2: [invalid-value] tags[0].values: tag values are lower-case: 'Blue' (use 'blue')",
                "rules.yaml:3: [duplicate-tag] tags[1].key: tag 'pii' is already declared at declarations.yaml:3",
                "rules.yaml:4: [invalid-value] tags[2].values: must list at least one value"),
                problemsOfRules("tags:\n  - {key: color, values: [red, Blue, red]}\n  - {key: pii, values: [email]}\n  - {key: empty, values: []}\n"));
    }

    @Test
    void assignmentsUseDeclaredTagsAndValues() {
        assertEquals(List.of(
                "rules.yaml:2: [undeclared-tag] assignments[0].tags.color: tag 'color' is not declared (declared: pii, sensitivity)",
                "rules.yaml:3: [undeclared-tag-value] assignments[1].tags.sensitivity: 'secret' is not a value of tag 'sensitivity' (values: public, internal, confidential)"),
                problemsOfRules("assignments:\n  - {on: {domain: sales}, tags: {color: red}}\n  - {on: {domain: sales}, tags: {sensitivity: secret}}\n"));
    }

    @Test
    void anObjectGetsOneValuePerKey() {
        assertEquals(List.of("rules.yaml:4: [duplicate-assignment] assignments[1].tags.pii: customer.crm.customer.c_phone already has tag 'pii'"
                + " from rules.yaml:2 (an object holds one value per key)"),
                problemsOfRules("""
                        assignments:
                          - {on: {column: customer.crm.customer.c_phone}, tags: {pii: phone}}
                          - {on: {column: customer.crm.customer.c_phone},
                             tags: {sensitivity: confidential, pii: name}}
                          - {on: {table: customer.crm.customer}, tags: {pii: name}}
                        """));
    }

    @Test
    void objectNamesHaveTheirLevelsParts() {
        assertEquals(List.of(
                "rules.yaml:2: [invalid-name] assignments[0].on.table: 'customer.crm' is not a table name (write domain.schema.table)",
                "rules.yaml:3: [invalid-name] assignments[1].on.column: 'a..b.c' is not a column name (write domain.schema.table.column)",
                "rules.yaml:4: [invalid-selection] assignments[2].on: give only one of domain, schema"),
                problemsOfRules("""
                        assignments:
                          - {on: {table: customer.crm}, tags: {pii: name}}
                          - {on: {column: a..b.c}, tags: {pii: name}}
                          - {on: {domain: a, schema: a.b}, tags: {pii: name}}
                        """));
    }

    @Test
    void tagExpressionsNameDeclaredKeysAndValues() {
        assertEquals(List.of(
                "rules.yaml:5: [undeclared-tag] grants[0].on.match.all[0].key: tag 'color' is not declared (declared: pii, sensitivity)",
                "rules.yaml:5: [undeclared-tag-value] grants[0].on.match.all[1].in: 'email' is not a value of tag 'pii' (values: name, phone)",
                "rules.yaml:5: [unordered-tag] grants[0].on.match.all[2].at_least: at_least needs an ordered tag, and 'pii' is not"
                        + " (declare it with ordered: true, or use in)",
                "rules.yaml:5: [invalid-expression] grants[0].on.match.all[3]: needs one of in, at_most, at_least",
                "rules.yaml:5: [invalid-expression] grants[0].on.match.all[4]: give only one of any, key",
                "rules.yaml:5: [invalid-expression] grants[0].on.match.all[5].any: must be a non-empty list of tag expressions"),
                problemsOfRules(GRANT + "    on: {match: {all: [{key: color, in: [red]}, {key: pii, in: [email]}, {key: pii, at_least: name},"
                        + " {key: pii}, {any: [], key: pii}, {any: []}]}}\n"));
    }

    @Test
    void selectionsTakeExactlyOneForm() {
        assertEquals(List.of(
                "rules.yaml:5: [invalid-selection] grants[0].on: give only one of all, table",
                "rules.yaml:6: [invalid-value] grants[0].columns.match: must be SAME or a tag expression, got 'SOME'",
                "rules.yaml:8: [invalid-value] grants[1].on.all: all: false selects nothing (write all: true, or name the objects)",
                "rules.yaml:9: [invalid-selection] grants[1].columns: give only one of include, exclude",
                "rules.yaml:10: [invalid-value] grants[2].on.objects: must list at least one object, such as {table: domain.schema.table}"),
                problemsOfRules(GRANT + """
                            on: {all: true, table: a.b.c}
                            columns: {match: SOME}
                          - {id: h, to: {all: true}, permissions: [SELECT],
                             on: {all: false},
                             columns: {include: [a], exclude: [b]}}
                          - {id: i, to: {all: true}, permissions: [SELECT], on: {objects: []}}
                        """));
    }

    @Test
    void permissionsAndPrincipalsAreChecked() {
        assertEquals(List.of(
                "rules.yaml:3: [empty-principals] grants[0].to: names nobody (list users, groups or roles, or write all: true)",
                "rules.yaml:4: [invalid-value] grants[0].permissions: unknown permission 'INSERT' (use DESCRIBE, SELECT, METADATA_READ)",
                "rules.yaml:7: [undeclared-role] grants[1].to.roles: role 'ghost' is not declared (declare it under principals.roles)",
                "rules.yaml:8: [invalid-value] grants[1].permissions: must list at least one value"),
                problemsOfRules("""
                        grants:
                          - id: g
                            to: {groups: []}
                            permissions: [SELECT, INSERT]
                            on: {all: true}
                          - id: h
                            to: {roles: [auditor, ghost]}
                            permissions: []
                            on: {all: true}
                        """));
    }

    @Test
    void idsAreUniqueAcrossGrantsAndRestrictionsOfAllFiles() {
        assertEquals(List.of(
                "other.yaml:2: [duplicate-id] restrictions[0].id: 'g' is already used at rules.yaml:2 (ids are unique across grants and restrictions)",
                "rules.yaml:6: [duplicate-id] grants[1].id: 'g' is already used at rules.yaml:2 (ids are unique across grants and restrictions)"),
                PolicyTexts.problems(ExpressionChecker.NONE, "declarations.yaml", DECLARATIONS,
                        "rules.yaml", GRANT + "    on: {all: true}\n  - {id: g, to: {all: true}, permissions: [SELECT], on: {all: true}}\n",
                        "other.yaml", "restrictions:\n  - {id: g, kind: ROW_FILTER, to: {all: true}, rows: 'true'}\n"));
    }

    @Test
    void masksTakeTheArgumentsOfTheirFunction() {
        assertEquals(List.of(
                "rules.yaml:7: [missing-key] grants[0].masks[0].mask: 'n' is required (the number of characters to show)",
                "rules.yaml:8: [not-applicable] grants[0].masks[1].mask.n: n applies to SHOW_LAST_N, SHOW_FIRST_N and ROUND_TO only",
                "rules.yaml:9: [invalid-value] grants[0].masks[2].mask.n: SHOW_FIRST_N shows at least 1 character, got 0",
                "rules.yaml:10: [missing-key] grants[0].masks[3].mask: 'value' is required (a SQL literal, such as \"'n/a'\" or 0)",
                "rules.yaml:11: [missing-key] grants[0].masks[4].mask: 'strength' is required (1 to 4, as strong as the masks of POLICY.md R6 it stands with)",
                "rules.yaml:12: [invalid-value] grants[0].masks[5].mask.strength: must be 1 to 4, got 5",
                "rules.yaml:13: [invalid-value] grants[0].masks[6].mask.fn: unknown mask function 'BLUR' (use one of NONE, SHOW_LAST_N, SHOW_FIRST_N,"
                        + " DATE_YEAR_ONLY, ROUND_TO, EMAIL_DOMAIN, HASH, REDACT, NULLIFY, CONSTANT, CUSTOM)",
                "rules.yaml:14: [invalid-value] grants[0].masks[7].columns: must list at least one value",
                "rules.yaml:15: [missing-key] grants[0].masks[8]: 'mask' is required ({fn: HASH}, {fn: SHOW_LAST_N, n: 4}, ...)"),
                problemsOfRules(GRANT + """
                            on: {all: true}
                            masks:
                              - {columns: [a], mask: {fn: SHOW_LAST_N}}
                              - {columns: [a], mask: {fn: HASH, n: 3}}
                              - {columns: [a], mask: {fn: SHOW_FIRST_N, n: 0}}
                              - {columns: [a], mask: {fn: CONSTANT}}
                              - {columns: [a], mask: {fn: CUSTOM, expression: "upper(a)"}}
                              - {columns: [a], mask: {fn: CUSTOM, expression: "upper(a)", strength: 5}}
                              - {columns: [a], mask: {fn: BLUR}}
                              - {columns: [], mask: {fn: HASH}}
                              - {columns: [a]}
                        """));
    }

    @Test
    void validityWindowsAreInstantsInOrder() {
        assertEquals(List.of(
                "rules.yaml:6: [invalid-window] grants[0].valid.until: must be after from (2025-06-01T00:00:00Z), got 2025-01-01T00:00:00Z",
                "rules.yaml:7: [invalid-value] grants[1].valid.from: must be an ISO instant such as 2025-01-31T00:00:00Z, got 'yesterday'"),
                problemsOfRules(GRANT + """
                            on: {all: true}
                            valid: {from: "2025-06-01T00:00:00Z", until: "2025-01-01T00:00:00Z"}
                          - {id: h, to: {all: true}, permissions: [SELECT], on: {all: true}, valid: {from: yesterday}}
                        """));
    }

    @Test
    void restrictionsTakeTheKeysOfTheirKind() {
        assertEquals(List.of(
                "rules.yaml:2: [not-applicable] restrictions[0].mask: mask does not apply to a ROW_FILTER restriction (write rows)",
                "rules.yaml:2: [missing-key] restrictions[0]: 'rows' is required (a SQL predicate over the table's raw columns)",
                "rules.yaml:3: [not-applicable] restrictions[1].rows: rows does not apply to a COLUMN_MASK restriction (write columns and mask)",
                "rules.yaml:3: [missing-key] restrictions[1]: 'columns' is required ({match: <tag expression>}, {include: [..]}, ...)",
                "rules.yaml:4: [invalid-value] restrictions[2].kind: unknown restriction kind 'MASK' (use ROW_FILTER or COLUMN_MASK)",
                "rules.yaml:4: [missing-key] restrictions[2]: 'to' is required ({all: true}, or {groups: [..]}, {users: [..]}, {roles: [..]})"),
                problemsOfRules("""
                        restrictions:
                          - {id: a, kind: ROW_FILTER, to: {all: true}, mask: {fn: HASH}}
                          - {id: b, kind: COLUMN_MASK, to: {all: true}, rows: "true", mask: {fn: HASH}}
                          - {id: c, kind: MASK}
                        """));
    }

    @Test
    void userAttributesAreDeclaredAndOfTheirType() {
        assertEquals(List.of(
                "rules.yaml:3: [attribute-type] principals.users[0].attributes.level: attribute 'level' is declared bigint, got 'high' (write a whole number)",
                "rules.yaml:3: [undeclared-attribute] principals.users[0].attributes.region: attribute 'region' is not declared (declare it under principals.attributes)",
                "rules.yaml:4: [duplicate-user] principals.users[1].name: user 'u' is already listed at rules.yaml:3"),
                problemsOfRules("principals:\n  users:\n    - {name: u, attributes: {segment: A, level: high, region: EU}}\n    - {name: u}\n"));
    }

    @Test
    void attributesAreDeclaredOnceWithAKnownType() {
        assertEquals(List.of(
                "rules.yaml:2: [invalid-name] principals.attributes.cost-centre: attribute names are letters, digits and _, not starting with a digit",
                "rules.yaml:2: [invalid-value] principals.attributes.region.type: unknown attribute type 'text' (use varchar, boolean, bigint or date)",
                "rules.yaml:2: [duplicate-attribute] principals.attributes.segment: attribute 'segment' is already declared at declarations.yaml:5"),
                problemsOfRules("principals:\n  attributes: {cost-centre: {type: varchar}, region: {type: text}, segment: {type: varchar}}\n"));
    }

    @Test
    void roleInheritanceIsDeclaredAndAcyclic() {
        assertEquals(List.of(
                "rules.yaml:3: [role-cycle] principals.roles[0].inherits: roles inherit each other in a cycle: a -> b -> a (remove one of these inherits)",
                "rules.yaml:4: [undeclared-role] principals.roles[1].inherits: role 'b' inherits 'ghost', which is not declared",
                "rules.yaml:5: [role-cycle] principals.roles[2].inherits: roles inherit each other in a cycle: c -> c (remove one of these inherits)",
                "rules.yaml:6: [duplicate-role] principals.roles[3].name: role 'auditor' is already declared at declarations.yaml:7"),
                problemsOfRules("""
                        principals:
                          roles:
                            - {name: a, inherits: [b]}
                            - {name: b, inherits: [a, ghost]}
                            - {name: c, inherits: [c]}
                            - {name: auditor, inherits: [a]}
                        """));
    }

    @Test
    void principalReferencesNameDeclaredAttributes() {
        assertEquals(List.of(
                "rules.yaml:6: [undeclared-attribute] grants[0].rows: :principal.region names an undeclared attribute"
                        + " (declared: level, segment; declare it under principals.attributes)",
                "rules.yaml:8: [undeclared-attribute] grants[0].masks[0].mask.expression: :principal.clearance names an undeclared attribute"
                        + " (declared: level, segment; declare it under principals.attributes)"),
                problemsOfRules(GRANT + """
                            on: {all: true}
                            rows: "region = :principal.region AND segment = ':principal.quoted' AND level = :principal.level"
                            masks:
                              - {columns: [a], mask: {fn: CUSTOM, expression: "CASE WHEN :principal.clearance THEN a END", strength: 3}}
                        """));
    }

    @Test
    void sqlTextsAreCheckedForTheirUse() {
        List<String> checked = new java.util.ArrayList<>();
        ExpressionChecker checker = (sql, use) -> {
            checked.add(use + " " + sql);
            return sql.contains("bad") ? List.of("cannot parse '" + sql + "'") : List.of();
        };
        assertEquals(List.of(
                "rules.yaml:6: [invalid-sql] grants[0].rows: cannot parse 'bad rows'",
                "rules.yaml:8: [invalid-sql] grants[0].masks[0].mask.value: cannot parse 'bad literal'",
                "rules.yaml:9: [invalid-sql] grants[0].masks[1].mask.expression: cannot parse 'bad expression'",
                "rules.yaml:11: [invalid-sql] restrictions[0].rows: cannot parse 'bad filter'"),
                PolicyTexts.problems(checker, "declarations.yaml", DECLARATIONS, "rules.yaml", GRANT + """
                            on: {all: true}
                            rows: "bad rows"
                            masks:
                              - {columns: [a], mask: {fn: CONSTANT, value: "bad literal"}}
                              - {columns: [a], mask: {fn: CUSTOM, expression: "bad expression", strength: 1}}
                        restrictions:
                          - {id: r, kind: ROW_FILTER, to: {all: true}, rows: "bad filter"}
                        """));
        assertEquals(List.of("ROW_PREDICATE bad rows", "CONSTANT bad literal", "MASK_EXPRESSION bad expression", "ROW_PREDICATE bad filter"),
                checked);
    }

    @Test
    void aCheckerThatFailsRejectsTheText() {
        ExpressionChecker broken = (sql, use) -> {
            throw new IllegalStateException("no parser");
        };
        assertEquals(List.of("rules.yaml:6: [invalid-sql] grants[0].rows: cannot be checked: no parser"),
                PolicyTexts.problems(broken, "declarations.yaml", DECLARATIONS, "rules.yaml", GRANT + "    on: {all: true}\n    rows: \"a = 1\"\n"));
    }
}
