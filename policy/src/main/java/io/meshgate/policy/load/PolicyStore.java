package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.AccessScope;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.yaml.FolderWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in force, loaded from a directory and reloaded when its files change (POLICY.md
 * section 5). It answers as the {@link AccessPolicy} that {@code factory} builds from the current
 * {@link PolicySet}; a reload swaps set and policy together, so every call sees one revision. A
 * reload that finds any problem in any file is rejected whole: the problems are logged and the
 * previous set stays in force (R8).
 */
public final class PolicyStore implements AccessPolicy, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
    static final String WATCH_THREAD = "meshgate-policy-watch";

    /** What is in force: the set, the policy built from it, and the fingerprint of the files it came from. */
    private record InForce(PolicySet set, AccessPolicy policy, String fingerprint) {
    }

    private final Path directory;
    private final ExpressionChecker checker;
    private final Function<PolicySet, AccessPolicy> factory;
    private volatile InForce inForce;
    private volatile List<PolicyProblem> lastReloadProblems = List.of();
    private String lastSeenFingerprint;
    private FolderWatch watcher;

    private PolicyStore(Path directory, ExpressionChecker checker, Function<PolicySet, AccessPolicy> factory, InForce inForce) {
        this.directory = directory;
        this.checker = checker;
        this.factory = factory;
        this.inForce = inForce;
        this.lastSeenFingerprint = inForce.fingerprint();
    }

    /**
     * Loads the policy files of {@code directory}.
     *
     * @param checker checks the SQL texts of the files (the engine's; {@link ExpressionChecker#NONE} without one)
     * @param factory builds the access policy that answers for a loaded set; it may refuse the set
     *                by throwing {@link PolicyLoadException} with the problems found (checks that need
     *                more than the files, such as consumer re-grants on resource links checked
     *                against what their grantor gets: {@link GrantorCheck}), and the set is then
     *                rejected whole like one with errors in its files
     * @throws PolicyLoadException listing every problem when the files cannot be used
     */
    public static PolicyStore open(Path directory, ExpressionChecker checker, Function<PolicySet, AccessPolicy> factory) {
        requireNonNull(directory, "directory is null");
        requireNonNull(checker, "checker is null");
        requireNonNull(factory, "factory is null");
        PolicyFiles files = PolicyFiles.read(directory);
        PolicySet set = PolicyLoader.load(files, checker);
        return new PolicyStore(directory, checker, factory, new InForce(set, requireNonNull(factory.apply(set), "factory returned null"),
                files.fingerprint()));
    }

    /** The set in force. */
    public PolicySet current() {
        return inForce.set();
    }

    /** The problems that made the last changed files be rejected; empty when they were accepted or nothing changed since. */
    public List<PolicyProblem> lastReloadProblems() {
        return lastReloadProblems;
    }

    /**
     * Reads the files again and, when their names or contents changed since last read, loads them
     * and puts the new set in force, or logs their problems and keeps the set in force.
     *
     * @return true when a new set was put in force
     */
    public synchronized boolean reloadIfChanged() {
        PolicyFiles files = PolicyFiles.read(directory);
        String fingerprint = files.fingerprint();
        if (fingerprint.equals(lastSeenFingerprint)) {
            return false;
        }
        lastSeenFingerprint = fingerprint;
        if (fingerprint.equals(inForce.fingerprint())) {
            lastReloadProblems = List.of();
            return false;
        }
        try {
            PolicySet set = PolicyLoader.load(files, checker);
            AccessPolicy policy = requireNonNull(factory.apply(set), "factory returned null");
            String previous = inForce.set().shortRevision();
            inForce = new InForce(set, policy, fingerprint);
            lastReloadProblems = List.of();
            LOG.info("Policy revision {} is in force (was {}), from {}", set.shortRevision(), previous, directory);
            return true;
        } catch (PolicyLoadException e) {
            reject(e.problems());
        } catch (RuntimeException e) {
            reject(List.of(new PolicyProblem(directory.toString(), 0, Rules.UNUSABLE, "the loaded set cannot be put in force: " + e)));
        }
        return false;
    }

    private void reject(List<PolicyProblem> problems) {
        lastReloadProblems = problems;
        LOG.warn("Rejected the changed policy files in {}: {} problem(s); revision {} stays in force:\n  {}", directory, problems.size(),
                inForce.set().shortRevision(), String.join("\n  ", problems.stream().map(PolicyProblem::toString).toList()));
    }

    /**
     * Checks the files every {@code interval} on a daemon thread named {@value #WATCH_THREAD} until
     * {@link #close()}.
     */
    public synchronized void startWatching(Duration interval) {
        if (watcher != null) {
            throw new IllegalStateException("Cannot watch the policy files in " + directory + ": already watching them");
        }
        watcher = FolderWatch.start("the policy files in " + directory, WATCH_THREAD, interval, this::reloadIfChanged);
    }

    /** Stops watching; the set in force keeps answering. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    @Override
    public String revision() {
        return inForce.policy().revision();
    }

    @Override
    public ResolvedPrincipal resolve(Principal principal) {
        return inForce.policy().resolve(principal);
    }

    @Override
    public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
        return inForce.policy().decide(principal, table, binder);
    }

    @Override
    public TagAssignments tags(TableDescriptor table) {
        return inForce.policy().tags(table);
    }

    @Override
    public AccessDecision decide(AccessScope scope, TableDescriptor table, ExpressionBinder binder) {
        return inForce.policy().decide(scope, table, binder);
    }
}
