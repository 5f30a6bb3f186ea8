package io.meshgate.policy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a directory: which files, merged how, rejected how. */
class PolicyDirectoryTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private List<String> problems() {
        return assertThrows(PolicyLoadException.class, () -> PolicyLoader.load(dir, ExpressionChecker.NONE)).problems().stream()
                .map(PolicyProblem::toString).toList();
    }

    @Test
    void theKeysOfEveryYamlAndYmlFileAreMerged() throws Exception {
        write("a.yaml", "grants:\n  - {id: one, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}\n");
        write("b.yml", "grants:\n  - {id: two, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}\n");
        write("notes.txt", "not a policy: ignored");
        Files.createDirectory(dir.resolve("old.yaml"));
        PolicySet set = PolicyLoader.load(dir, ExpressionChecker.NONE);
        assertEquals(List.of("one", "two"), set.grants().stream().map(Grant::id).toList());
        assertEquals("b.yml", set.grants().get(1).origin().file());
    }

    @Test
    void rulesMayUseDeclarationsOfFilesThatSortAfterThem() throws Exception {
        write("a-grants.yaml", "grants:\n  - {id: g, to: {roles: [auditor]}, permissions: [SELECT], on: {match: {key: pii, in: [name]}},"
                + " rows: \"s = :principal.segment\"}\n");
        write("z-declarations.yaml", PolicyTexts.DECLARATIONS);
        assertEquals(1, PolicyLoader.load(dir, ExpressionChecker.NONE).grants().size());
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnceAndRejectsTheWholeSet() throws Exception {
        write("a.yaml", "tags:\n  - {key: pii, values: [name]}\n");
        write("b.yaml", "grants:\n  - {id: g, to: {all: true}, permissions: [SELECT], on: {match: {key: color, in: [red]}}}\n");
        write("c.yaml", "grants: [\n");
        write("d.yaml", "assignments:\n  - {on: {table: a.b.c}, tags: {pii: phone}}\nrestrictions: []\nextra: true\n");
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicyLoader.load(dir, ExpressionChecker.NONE));
        assertEquals(List.of("b.yaml:2: [undeclared-tag]", "c.yaml:1: [yaml-syntax]", "d.yaml:2: [undeclared-tag-value]", "d.yaml:4: [unknown-key]"),
                e.problems().stream().map(p -> p.file() + ":" + p.line() + ": [" + p.rule() + "]").toList());
        assertTrue(e.getMessage().startsWith("Cannot load the policy files: 4 problem(s):\n  b.yaml:2: [undeclared-tag] grants[0].on.match.key:"),
                e.getMessage());
    }

    @Test
    void aDirectoryWithoutPolicyFilesIsAProblem() throws Exception {
        write("readme.md", "nothing here");
        assertEquals(List.of(dir + ":0: [no-files] no *.yaml or *.yml files (an empty policy would deny everything; write at least one file)"),
                problems());
    }

    @Test
    void aMissingDirectoryIsAProblem() {
        Path missing = dir.resolve("missing");
        assertEquals(List.of(missing + ":0: [unreadable] not a directory (point the policy location at the folder holding the *.yaml files)"),
                assertThrows(PolicyLoadException.class, () -> PolicyLoader.load(missing, ExpressionChecker.NONE)).problems().stream()
                        .map(PolicyProblem::toString).toList());
    }

    @Test
    void aFileThatIsNotUtf8IsAProblem() throws Exception {
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'t', 'a', 'g', 's', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals(List.of("latin1.yaml:0: [unreadable] not UTF-8 text"), problems());
    }

    @Test
    void emptyAndCommentOnlyFilesAreAllowed() throws Exception {
        write("empty.yaml", "");
        write("comments.yaml", "# nothing yet\n");
        write("rules.yaml", "grants:\n  - {id: g, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}\n");
        assertEquals(1, PolicyLoader.load(dir, ExpressionChecker.NONE).grants().size());
    }
}
