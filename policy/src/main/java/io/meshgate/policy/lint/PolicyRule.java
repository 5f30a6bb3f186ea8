package io.meshgate.policy.lint;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Origin;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.Restriction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A grant or restriction as the inventory checks see it: what it is on, the columns it covers
 * ({@code columns} empty for a row filter, which covers rows of whole tables), and every column
 * selection it writes, masks' included.
 */
record PolicyRule(String what, Origin origin, ObjectSelection on, List<ColumnSelection> columns, List<ColumnSelection> written) {
    PolicyRule {
        requireNonNull(what, "what is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(on, "on is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        written = List.copyOf(requireNonNull(written, "written is null"));
    }

    static List<PolicyRule> all(PolicySet set) {
        List<PolicyRule> rules = new ArrayList<>();
        for (Grant grant : set.grants()) {
            rules.add(new PolicyRule("grant '" + grant.id() + "'", grant.origin(), grant.on(), List.of(grant.columns()),
                    Stream.concat(Stream.of(grant.columns()), grant.masks().stream().map(ColumnMask::columns)).toList()));
        }
        for (Restriction restriction : set.restrictions()) {
            List<ColumnSelection> columns = restriction.kind() == Restriction.Kind.COLUMN_MASK ? List.of(restriction.columns()) : List.of();
            rules.add(new PolicyRule("restriction '" + restriction.id() + "'", restriction.origin(), restriction.on(), columns, columns));
        }
        return rules;
    }
}
