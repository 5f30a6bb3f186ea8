package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A data product's contract: the schema it promises (optional) and its quality rules, in the
 * order written. Read one with {@link Contracts#parse}; check it with {@link ContractChecker}.
 */
public record Contract(Optional<SchemaContract> schema, List<QualityRule> quality) {
    /** The name of the schema contract's result, next to the quality rules' names. */
    public static final String SCHEMA_RULE = "schema";

    public Contract {
        requireNonNull(schema, "schema is null");
        quality = List.copyOf(requireNonNull(quality, "quality is null"));
        if (schema.isEmpty() && quality.isEmpty()) {
            throw new IllegalArgumentException("Cannot create Contract: it declares neither a schema nor quality rules");
        }
        Set<String> names = new HashSet<>();
        for (QualityRule rule : quality) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("Cannot create Contract: rule " + rule.name() + " is declared twice");
            }
        }
    }
}
