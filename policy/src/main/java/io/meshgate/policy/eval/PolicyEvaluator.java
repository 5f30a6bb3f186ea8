package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meshgate.policy.Principal;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.PolicySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link AccessPolicy} of one policy revision: decides access as POLICY.md section 2 says.
 * Principals are resolved against the set's users and roles; tags follow tables and columns
 * through renames by {@link TagBindings}; grants' validity windows are checked against the clock.
 *
 * <p>Decisions are cached (bounded, expiring after access) by access scope (grantee and
 * restricted principals, names and groups, and whether the table is a resource link), the whole
 * table descriptor (UUID, version, names and columns: names decide which assignments and named
 * grants apply; a link's descriptor carries the UUID of the table it is bound to, so rebinding a
 * link changes its key), the validity period (which grants' validity windows are open now) and
 * the tag bindings' generation (bindings are learnt from the table of every call, before the
 * cache is read; a new binding may add tags to a table decided before; links have no tags and
 * teach none). The revision is not part of the key because an evaluator serves one revision; a
 * reload makes a new evaluator with an empty cache. A cached decision was made with the binder of
 * an earlier call for an equal descriptor; binders are per table and answer from its columns,
 * which the descriptor determines.
 */
public final class PolicyEvaluator implements AccessPolicy {
    // Room for every table of a large mesh (GetTables decides each one) for a few principals at once.
    private static final int CACHE_SIZE = 100_000;
    private static final Duration CACHE_EXPIRY = Duration.ofMinutes(10);

    private final PolicySet set;
    private final TagBindings bindings;
    private final Clock clock;
    private final PrincipalResolver principals;
    private final TagMatcher matcher;
    private final Instant[] validityBoundaries;
    private final Cache<DecisionKey, AccessDecision> decisions = Caffeine.newBuilder()
            .maximumSize(CACHE_SIZE)
            .expireAfterAccess(CACHE_EXPIRY)
            .build();

    private record DecisionKey(AccessScope scope, TableDescriptor table, int validityPeriod, long bindingsGeneration) {
    }

    /** An evaluator with fresh tag bindings and the system clock. */
    public PolicyEvaluator(PolicySet set) {
        this(set, new TagBindings(), Clock.systemUTC());
    }

    /**
     * @param bindings the bindings of the previous revision's evaluator (so tags survive renames
     *                 across reloads), or new ones
     * @param clock    the time grant validity windows are checked against
     */
    public PolicyEvaluator(PolicySet set, TagBindings bindings, Clock clock) {
        this.set = requireNonNull(set, "set is null");
        this.bindings = requireNonNull(bindings, "bindings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.principals = new PrincipalResolver(set);
        this.matcher = new TagMatcher(set.tags());
        this.validityBoundaries = set.grants().stream()
                .flatMap(grant -> Stream.of(grant.validFrom(), grant.validUntil()).flatMap(Optional::stream))
                .distinct()
                .sorted()
                .toArray(Instant[]::new);
    }

    /** The tag bindings this evaluator learns into; give them to the next revision's evaluator. */
    public TagBindings bindings() {
        return bindings;
    }

    @Override
    public String revision() {
        return set.revision();
    }

    @Override
    public ResolvedPrincipal resolve(Principal principal) {
        return principals.resolve(requireNonNull(principal, "principal is null"));
    }

    @Override
    public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
        return decide(AccessScope.direct(requireNonNull(principal, "principal is null")), table, binder);
    }

    @Override
    public AccessDecision decide(AccessScope scope, TableDescriptor table, ExpressionBinder binder) {
        requireNonNull(scope, "scope is null");
        requireNonNull(table, "table is null");
        requireNonNull(binder, "binder is null");
        boolean link = scope.object() == AccessScope.ObjectKind.LINK;
        if (!link) {
            bindings.learn(table, set.assignments());
        }
        Instant now = clock.instant();
        DecisionKey key = new DecisionKey(scope, table, validityPeriod(now), bindings.generation());
        return decisions.get(key, k -> {
            List<ResolvedPrincipal> restricted = scope.restricted().stream().map(principals::resolve).toList();
            TableTags tags = link ? TableTags.none(table) : TableTags.of(table, set.assignments(), bindings);
            return new TableEvaluation(set, matcher, principals.resolve(scope.grantee()), restricted, link, table, tags, binder, now).decide();
        });
    }

    @Override
    public TagAssignments tags(TableDescriptor table) {
        requireNonNull(table, "table is null");
        bindings.learn(table, set.assignments());
        return TagAssignments.of(TableTags.of(table, set.assignments(), bindings));
    }

    /**
     * The number of validity window boundaries ({@link Grant#validFrom()}, {@link Grant#validUntil()})
     * at or before {@code now}: which grants are valid is the same for every instant of one period.
     */
    private int validityPeriod(Instant now) {
        int index = Arrays.binarySearch(validityBoundaries, now);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
