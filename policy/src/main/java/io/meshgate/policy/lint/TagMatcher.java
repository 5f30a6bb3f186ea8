package io.meshgate.policy.lint;

import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagKey;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Evaluates tag expressions on an object's effective tags; an object without the key fails every condition on it. */
final class TagMatcher {
    private final Map<String, TagKey> keys;

    TagMatcher(List<TagKey> tags) {
        this.keys = tags.stream().collect(Collectors.toMap(TagKey::key, Function.identity()));
    }

    boolean matches(TagExpression expression, Map<String, String> tags) {
        if (expression instanceof TagExpression.All all) {
            return all.terms().stream().allMatch(term -> matches(term, tags));
        }
        if (expression instanceof TagExpression.Any any) {
            return any.terms().stream().anyMatch(term -> matches(term, tags));
        }
        TagExpression.Condition condition = (TagExpression.Condition) expression;
        String value = tags.get(condition.key());
        if (value == null) {
            return false;
        }
        if (condition.comparison() == TagExpression.Condition.Comparison.IN) {
            return condition.values().contains(value);
        }
        TagKey key = keys.get(condition.key());
        OptionalInt rank = key == null ? OptionalInt.empty() : key.rank(value);
        OptionalInt bound = key == null ? OptionalInt.empty() : key.rank(condition.values().iterator().next());
        if (rank.isEmpty() || bound.isEmpty()) {
            return false;
        }
        return condition.comparison() == TagExpression.Condition.Comparison.AT_MOST
                ? rank.getAsInt() <= bound.getAsInt()
                : rank.getAsInt() >= bound.getAsInt();
    }
}
