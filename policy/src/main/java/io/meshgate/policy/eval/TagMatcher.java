package io.meshgate.policy.eval;

import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagExpression.Condition;
import io.meshgate.policy.model.TagKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks tag expressions against the declared tag keys and evaluates them on effective tags.
 *
 * <p>Where an object's key holds several candidate values (see {@link EffectiveTags}), or a value
 * the key does not declare, the reading fails closed: {@link #certainly} (for what grants select)
 * needs every candidate to satisfy a condition, {@link #possibly} (for what restrictions and masks
 * select) needs only one. An object without the key fails every condition on it.
 */
final class TagMatcher {
    private final Map<String, TagKey> keys = new HashMap<>();

    TagMatcher(List<TagKey> declared) {
        declared.forEach(key -> keys.putIfAbsent(key.key(), key));
    }

    /** Why {@code expression} cannot be evaluated (an undeclared key or value, an order on an unordered key), or empty. */
    Optional<String> problem(TagExpression expression) {
        if (expression instanceof TagExpression.All all) {
            return all.terms().stream().map(this::problem).flatMap(Optional::stream).findFirst();
        }
        if (expression instanceof TagExpression.Any any) {
            return any.terms().stream().map(this::problem).flatMap(Optional::stream).findFirst();
        }
        Condition condition = (Condition) expression;
        TagKey key = keys.get(condition.key());
        if (key == null) {
            return Optional.of("tag key '" + condition.key() + "' is not declared");
        }
        if (condition.comparison() != Condition.Comparison.IN && !key.ordered()) {
            return Optional.of("tag key '" + key.key() + "' is not ordered, so it has no " + condition.comparison());
        }
        return condition.values().stream()
                .filter(value -> !key.allows(value))
                .findFirst()
                .map(value -> "tag key '" + key.key() + "' has no value '" + value + "'");
    }

    /** True when {@code expression} holds whichever candidate values the object really has. */
    boolean certainly(TagExpression expression, EffectiveTags tags) {
        return matches(expression, tags, true);
    }

    /** True when {@code expression} holds for some candidate values of the object. */
    boolean possibly(TagExpression expression, EffectiveTags tags) {
        return matches(expression, tags, false);
    }

    private boolean matches(TagExpression expression, EffectiveTags tags, boolean everyCandidate) {
        if (expression instanceof TagExpression.All all) {
            return all.terms().stream().allMatch(term -> matches(term, tags, everyCandidate));
        }
        if (expression instanceof TagExpression.Any any) {
            return any.terms().stream().anyMatch(term -> matches(term, tags, everyCandidate));
        }
        Condition condition = (Condition) expression;
        Set<String> candidates = tags.valuesOf(condition.key());
        if (candidates.isEmpty()) {
            return false;
        }
        return everyCandidate
                ? candidates.stream().allMatch(value -> satisfies(condition, value, true))
                : candidates.stream().anyMatch(value -> satisfies(condition, value, false));
    }

    private boolean satisfies(Condition condition, String value, boolean everyCandidate) {
        if (condition.comparison() == Condition.Comparison.IN) {
            return condition.values().contains(value);
        }
        TagKey key = keys.get(condition.key());
        OptionalInt rank = key == null ? OptionalInt.empty() : key.rank(value);
        OptionalInt bound = key == null ? OptionalInt.empty() : key.rank(condition.values().iterator().next());
        if (rank.isEmpty() || bound.isEmpty()) {
            return !everyCandidate;
        }
        return condition.comparison() == Condition.Comparison.AT_MOST
                ? rank.getAsInt() <= bound.getAsInt()
                : rank.getAsInt() >= bound.getAsInt();
    }
}
