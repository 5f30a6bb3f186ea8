package io.meshgate.policy.load;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshgate.policy.model.PolicySet;
import java.util.List;
import java.util.TreeMap;

/** Loads policy files given as texts, for tests: {@code "name.yaml", "text", "other.yaml", "text"...}. */
final class PolicyTexts {
    /** Tags, attributes and a role that the rules of most tests use. */
    static final String DECLARATIONS = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential], ordered: true}
              - {key: pii, values: [name, phone]}
            principals:
              attributes: {segment: {type: varchar}, level: {type: bigint}}
              roles:
                - {name: auditor, groups: [audit]}
            """;

    private PolicyTexts() {
    }

    static PolicySet load(ExpressionChecker checker, String... namesAndTexts) {
        TreeMap<String, String> texts = new TreeMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            texts.put(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return PolicyLoader.load(new PolicyFiles(texts, List.of()), checker);
    }

    static PolicySet load(String... namesAndTexts) {
        return load(ExpressionChecker.NONE, namesAndTexts);
    }

    /** The problems, as {@code file:line: [rule] message}. */
    static List<String> problems(ExpressionChecker checker, String... namesAndTexts) {
        return assertThrows(PolicyLoadException.class, () -> load(checker, namesAndTexts)).problems().stream()
                .map(PolicyProblem::toString).toList();
    }

    /** The problems of {@code rules.yaml} loaded next to {@link #DECLARATIONS}. */
    static List<String> problemsOfRules(String rules) {
        return problems(ExpressionChecker.NONE, "declarations.yaml", DECLARATIONS, "rules.yaml", rules);
    }
}
