package io.meshgate.policy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AcceptingBinder;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {
    private static final String GRANTS = "grants:\n  - {id: one, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}\n";
    private static final String OTHER_GRANTS = "grants:\n  - {id: two, to: {all: true}, permissions: [DESCRIBE], on: {all: true}}\n";
    private static final TableDescriptor TABLE = new TableDescriptor("d", "s", "t", "uuid", "1", List.of());

    @TempDir
    Path dir;

    private final AtomicInteger built = new AtomicInteger();

    /** Stands in for the evaluator: answers with the revision of the set it was built from. */
    private final Function<PolicySet, AccessPolicy> factory = set -> {
        built.incrementAndGet();
        return new AccessPolicy() {
            @Override
            public String revision() {
                return set.revision();
            }

            @Override
            public ResolvedPrincipal resolve(Principal principal) {
                return new ResolvedPrincipal(principal.name(), principal.groups(), Set.of(), Map.of(), set.attributes());
            }

            @Override
            public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
                return AccessDecision.unrestricted(set.revision(), table);
            }
        };
    };

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private PolicyStore open() {
        return PolicyStore.open(dir, ExpressionChecker.NONE, factory);
    }

    private String decidedRevision(PolicyStore store) {
        return store.decide(Principal.of("ana"), TABLE, new AcceptingBinder()).revision();
    }

    private static List<String> grantIds(PolicyStore store) {
        return store.current().grants().stream().map(Grant::id).toList();
    }

    @Test
    void anInvalidSetCannotBeOpened() throws Exception {
        write("grants.yaml", "grants:\n  - {id: one}\n");
        PolicyLoadException e = assertThrows(PolicyLoadException.class, this::open);
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void theStoreAnswersWithThePolicyBuiltFromTheSetInForce() throws Exception {
        write("grants.yaml", GRANTS);
        try (PolicyStore store = open()) {
            assertEquals(store.current().revision(), store.revision());
            assertEquals(store.current().revision(), decidedRevision(store));
            assertEquals("ana", store.resolve(Principal.of("ana")).name());
        }
    }

    @Test
    void tagsComeFromThePolicyInForce() throws Exception {
        write("tags.yaml", "tags:\n  - {key: domain, values: [d]}\nassignments:\n  - {on: {domain: d}, tags: {domain: d}}\n");
        try (PolicyStore store = PolicyStore.open(dir, ExpressionChecker.NONE, PolicyEvaluator::new)) {
            assertEquals(Map.of("domain", Set.of("d")), store.tags(TABLE).table());
        }
    }

    @Test
    void unchangedFilesAreNotLoadedAgain() throws Exception {
        write("grants.yaml", GRANTS);
        try (PolicyStore store = open()) {
            assertFalse(store.reloadIfChanged());
            assertEquals(1, built.get());
        }
    }

    @Test
    void aValidChangePutsTheNewRevisionInForce() throws Exception {
        write("grants.yaml", GRANTS);
        try (PolicyStore store = open()) {
            String before = store.revision();
            write("more.yaml", OTHER_GRANTS);
            assertTrue(store.reloadIfChanged());
            assertNotEquals(before, store.revision());
            assertEquals(store.revision(), decidedRevision(store));
            assertEquals(List.of("one", "two"), grantIds(store));
            assertEquals(List.of(), store.lastReloadProblems());
        }
    }

    @Test
    void aChangeIsSeenFromTheContentEvenWhenTheModificationTimeIsTheSame() throws Exception {
        write("grants.yaml", GRANTS);
        FileTime time = Files.getLastModifiedTime(dir.resolve("grants.yaml"));
        try (PolicyStore store = open()) {
            write("grants.yaml", GRANTS.replace("one", "uno"));
            Files.setLastModifiedTime(dir.resolve("grants.yaml"), time);
            assertTrue(store.reloadIfChanged());
            assertEquals(List.of("uno"), grantIds(store));
        }
    }

    /** POLICY.md section 7 case 15. */
    @Test
    void aChangeWithOneBrokenFileIsRejectedWholeAndThePreviousSetKeepsAnswering() throws Exception {
        write("a.yaml", GRANTS);
        write("b.yaml", "tags:\n  - {key: pii, values: [name]}\n");
        try (PolicyStore store = open()) {
            String before = store.revision();
            write("a.yaml", GRANTS + OTHER_GRANTS.replace("grants:\n", ""));
            write("b.yaml", "tags:\n  - {key: pii, values: [name]}\nassignments:\n  - {on: {table: a.b.c}, tags: {pii: phone}}\n");
            assertFalse(store.reloadIfChanged());
            assertEquals(List.of("b.yaml:4: [undeclared-tag-value] assignments[0].tags.pii: 'phone' is not a value of tag 'pii' (values: name)"),
                    store.lastReloadProblems().stream().map(PolicyProblem::toString).toList());
            assertEquals(before, store.revision());
            assertEquals(before, decidedRevision(store));
            assertEquals(List.of("one"), grantIds(store), "the valid file's change is not taken either");

            assertFalse(store.reloadIfChanged(), "the same broken files are not loaded again");
            assertEquals(1, store.lastReloadProblems().size());

            write("b.yaml", "tags:\n  - {key: pii, values: [name, phone]}\nassignments:\n  - {on: {table: a.b.c}, tags: {pii: phone}}\n");
            assertTrue(store.reloadIfChanged());
            assertEquals(List.of("one", "two"), grantIds(store));
            assertEquals(List.of(), store.lastReloadProblems());
        }
    }

    @Test
    void aSetTheFactoryCannotUseIsRejected() throws Exception {
        write("grants.yaml", GRANTS);
        Function<PolicySet, AccessPolicy> picky = set -> {
            if (set.grants().size() > 1) {
                throw new IllegalArgumentException("too many grants");
            }
            return factory.apply(set);
        };
        try (PolicyStore store = PolicyStore.open(dir, ExpressionChecker.NONE, picky)) {
            String before = store.revision();
            write("more.yaml", OTHER_GRANTS);
            assertFalse(store.reloadIfChanged());
            assertEquals(before, store.revision());
            assertEquals("unusable", store.lastReloadProblems().get(0).rule());
        }
    }

    @Test
    void watchingReloadsChangedFilesOnADaemonThread() throws Exception {
        write("grants.yaml", GRANTS);
        try (PolicyStore store = open()) {
            String before = store.revision();
            store.startWatching(Duration.ofMillis(20));
            Thread watcher = awaitThread(PolicyStore.WATCH_THREAD);
            assertTrue(watcher.isDaemon());
            assertThrows(IllegalStateException.class, () -> store.startWatching(Duration.ofMillis(20)));

            write("more.yaml", OTHER_GRANTS);
            await(() -> !store.revision().equals(before), "the watcher puts the new revision in force");
            assertEquals(List.of("one", "two"), grantIds(store));

            store.close();
            await(() -> !watcher.isAlive(), "closing stops the watcher");
        }
    }

    private static Thread awaitThread(String name) throws InterruptedException {
        Thread[] found = new Thread[1];
        await(() -> {
            found[0] = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
            return found[0] != null;
        }, "a thread named " + name);
        return found[0];
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
