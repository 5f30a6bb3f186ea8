package io.meshgate.policy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The revision names what a set means, not how its files are laid out. */
class PolicyRevisionTest {
    private static final String TAGS = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential], ordered: true}
              - {key: pii, values: [name, phone]}
            """;
    private static final String RULES = """
            principals:
              attributes: {segment: {type: varchar}}
              users:
                - {name: sam, groups: [sales, emea], attributes: {segment: BUILDING}}
            assignments:
              - {on: {column: customer.crm.customer.c_phone}, tags: {pii: phone, sensitivity: confidential}}
            grants:
              - id: sales
                to: {groups: [sales, emea]}
                permissions: [SELECT, DESCRIBE]
                on: {match: {all: [{key: sensitivity, in: [public, internal]}, {key: pii, in: [name, phone]}]}}
                rows: "c_mktsegment = :principal.segment"
              - {id: all, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}
            restrictions:
              - {id: hash, kind: COLUMN_MASK, to: {all: true}, columns: [c_name, c_phone], mask: {fn: HASH}}
            """;

    /** The same set: other file names and split, keys, lists and set members reordered, block style, comments. */
    private static final String REORDERED_RULES = """
            # Restrictions first, in block style.
            restrictions:
              - mask:
                  fn: HASH
                columns: [c_phone, c_name]
                to: {all: true}
                kind: COLUMN_MASK
                id: hash
            grants:
              - {id: all, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}   # listed first now
              - rows: "c_mktsegment = :principal.segment"
                on:
                  match:
                    all:
                      - {in: [phone, name], key: pii}
                      - {key: sensitivity, in: [internal, public]}
                permissions: [DESCRIBE, SELECT]
                to: {groups: [emea, sales]}
                id: sales
            """;
    private static final String REORDERED_DECLARATIONS = """
            assignments:
              - {on: {column: customer.crm.customer.c_phone}, tags: {sensitivity: confidential}}
              - {on: {column: customer.crm.customer.c_phone}, tags: {pii: phone}}
            tags:
              - {key: pii, values: [phone, name]}
              - {ordered: true, key: sensitivity, values: [public, internal, confidential]}
            principals:
              users:
                - {attributes: {segment: BUILDING}, name: sam, groups: [emea, sales]}
              attributes:
                segment:
                  type: VARCHAR
            """;

    private static String revision(String... namesAndTexts) {
        return PolicyTexts.load(namesAndTexts).revision();
    }

    @Test
    void theRevisionIsTheFullSha256InHex() {
        assertTrue(revision("tags.yaml", TAGS, "rules.yaml", RULES).matches("[0-9a-f]{64}"));
    }

    @Test
    void layoutOrderFormattingAndCommentsKeepTheRevision() {
        assertEquals(revision("tags.yaml", TAGS, "rules.yaml", RULES),
                revision("0-rules.yaml", REORDERED_RULES, "9-declarations.yml", REORDERED_DECLARATIONS));
    }

    @Test
    void everyChangeOfMeaningChangesTheRevision() {
        String base = revision("tags.yaml", TAGS, "rules.yaml", RULES);
        for (String[] change : new String[][] {
                {"rows: \"c_mktsegment = :principal.segment\"", "rows: \"c_mktsegment <> :principal.segment\""},
                {"permissions: [SELECT, DESCRIBE]", "permissions: [SELECT]"},
                {"{groups: [sales, emea]}", "{groups: [sales]}"},
                {"segment: BUILDING", "segment: MACHINERY"},
                {"mask: {fn: HASH}", "mask: {fn: REDACT}"},
                {"tags: {pii: phone, sensitivity: confidential}", "tags: {pii: phone}"},
                {"{key: sensitivity, in: [public, internal]}", "{key: sensitivity, at_most: internal}"},
                {"id: sales", "id: sales-2"}}) {
            assertTrue(RULES.contains(change[0]), change[0]);
            assertNotEquals(base, revision("tags.yaml", TAGS, "rules.yaml", RULES.replace(change[0], change[1])), change[1]);
        }
        assertNotEquals(base, revision("tags.yaml", TAGS.replace("[public, internal, confidential]", "[internal, public, confidential]"),
                "rules.yaml", RULES), "the order of an ordered tag's values is meaningful");
    }
}
