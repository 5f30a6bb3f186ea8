package io.meshgate.policy.load;

import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.PrincipalMatch;
import io.meshgate.policy.model.Restriction;
import io.meshgate.policy.model.Restriction.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code restrictions} list of one file: {@code {id, kind, to, except, on (default all),
 * rows}} for a ROW_FILTER, {@code {id, kind, to, except, on, columns, mask}} for a COLUMN_MASK.
 */
final class RestrictionBinder {
    private final RuleParts parts;

    RestrictionBinder(RuleParts parts) {
        this.parts = parts;
    }

    List<Restriction> bind(Fields root) {
        List<Restriction> restrictions = new ArrayList<>();
        for (Fields item : root.list("restrictions")) {
            restriction(item).ifPresent(restrictions::add);
        }
        return restrictions;
    }

    private Optional<Restriction> restriction(Fields restriction) {
        Optional<String> id = restriction.requiredString("id");
        id.ifPresent(name -> parts.ids().claim(restriction, name));
        Optional<Kind> kind = restriction.requiredString("kind").flatMap(name -> kind(restriction, name));
        Optional<PrincipalMatch> to = restriction.require("to", "{all: true}, or {groups: [..]}, {users: [..]}, {roles: [..]}")
                ? parts.principals().bind(restriction, "to", true) : Optional.empty();
        Optional<PrincipalMatch> except = restriction.has("except")
                ? parts.principals().bind(restriction, "except", false) : Optional.of(PrincipalMatch.nobody());
        Optional<ObjectSelection> on = restriction.has("on") ? parts.objects().bind(restriction, "on") : Optional.of(new ObjectSelection.Everything());
        boolean ok = id.isPresent() && kind.isPresent() && to.isPresent() && except.isPresent() && on.isPresent();
        Optional<ColumnSelection> columnSelection = Optional.of(new ColumnSelection.AllColumns());
        Optional<String> rows = Optional.empty();
        Optional<Mask> mask = Optional.empty();
        if (kind.isPresent() && kind.get() == Kind.ROW_FILTER) {
            ok &= notApplicable(restriction, "columns") & notApplicable(restriction, "mask");
            rows = restriction.require("rows", "a SQL predicate over the table's raw columns") ? restriction.string("rows") : Optional.empty();
            ok &= rows.isPresent() && parts.sql().check(restriction, "rows", rows.get(), ExpressionChecker.Use.ROW_PREDICATE);
        } else if (kind.isPresent()) {
            ok &= notApplicable(restriction, "rows");
            columnSelection = restriction.require("columns", "{match: <tag expression>}, {include: [..]}, ...")
                    ? parts.columns().bind(restriction, "columns", true) : Optional.empty();
            mask = restriction.require("mask", "{fn: HASH}, {fn: REDACT}, ...") ? parts.masks().bind(restriction, "mask") : Optional.empty();
            ok &= columnSelection.isPresent() && mask.isPresent();
        }
        restriction.rejectUnknownKeys();
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Restriction(id.get(), kind.get(), to.get(), except.get(), on.get(), columnSelection.get(), rows, mask,
                restriction.origin()));
    }

    private static Optional<Kind> kind(Fields restriction, String name) {
        try {
            return Optional.of(Kind.valueOf(name));
        } catch (IllegalArgumentException e) {
            restriction.problem("kind", Rules.INVALID_VALUE, "unknown restriction kind '" + name + "' (use ROW_FILTER or COLUMN_MASK)");
            return Optional.empty();
        }
    }

    private static boolean notApplicable(Fields restriction, String key) {
        if (restriction.has(key)) {
            restriction.problem(key, Rules.NOT_APPLICABLE, key + " does not apply to a " + (key.equals("rows") ? "COLUMN_MASK" : "ROW_FILTER")
                    + " restriction (write " + (key.equals("rows") ? "columns and mask" : "rows") + ")");
            return false;
        }
        return true;
    }
}
