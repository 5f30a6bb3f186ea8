package io.meshgate.policy.load;

import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PrincipalMatch;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds the {@code grants} list of one file: {@code {id, to, permissions, on, columns (default
 * SAME), rows, masks: [{columns, mask}], valid: {from, until}}}.
 */
final class GrantBinder {
    private static final String PERMISSIONS = Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final RuleParts parts;

    GrantBinder(RuleParts parts) {
        this.parts = parts;
    }

    List<Grant> bind(Fields root) {
        List<Grant> grants = new ArrayList<>();
        for (Fields item : root.list("grants")) {
            grant(item).ifPresent(grants::add);
        }
        return grants;
    }

    private Optional<Grant> grant(Fields grant) {
        Optional<String> id = grant.requiredString("id");
        id.ifPresent(name -> parts.ids().claim(grant, name));
        Optional<PrincipalMatch> to = grant.require("to", "{groups: [..]}, {users: [..]}, {roles: [..]} or {all: true}")
                ? parts.principals().bind(grant, "to", true) : Optional.empty();
        Optional<Set<Permission>> permissions = grant.require("permissions", "a list of " + PERMISSIONS)
                ? permissions(grant) : Optional.empty();
        Optional<ObjectSelection> on = grant.require("on", "{all: true}, {table: domain.schema.table}, {match: <tag expression>}, ...")
                ? parts.objects().bind(grant, "on") : Optional.empty();
        Optional<ColumnSelection> columnSelection = grant.has("columns")
                ? parts.columns().bind(grant, "columns", false) : Optional.of(new ColumnSelection.Same());
        Optional<String> rows = grant.string("rows");
        boolean rowsOk = rows.map(text -> parts.sql().check(grant, "rows", text, ExpressionChecker.Use.ROW_PREDICATE)).orElse(!grant.has("rows"));
        Optional<List<ColumnMask>> columnMasks = columnMasks(grant);
        Optional<Instant> from = Optional.empty();
        Optional<Instant> until = Optional.empty();
        boolean windowOk = true;
        if (grant.has("valid")) {
            Optional<Fields> valid = grant.mapping("valid");
            from = valid.flatMap(v -> instant(v, "from"));
            until = valid.flatMap(v -> instant(v, "until"));
            valid.ifPresent(Fields::rejectUnknownKeys);
            windowOk = valid.isPresent() && window(valid.get(), from, until);
        }
        grant.rejectUnknownKeys();
        if (id.isEmpty() || to.isEmpty() || permissions.isEmpty() || on.isEmpty() || columnSelection.isEmpty() || !rowsOk
                || columnMasks.isEmpty() || !windowOk) {
            return Optional.empty();
        }
        return Optional.of(new Grant(id.get(), to.get(), permissions.get(), on.get(), columnSelection.get(), rows, columnMasks.get(),
                from, until, grant.origin()));
    }

    private static Optional<Set<Permission>> permissions(Fields grant) {
        Optional<List<String>> names = grant.nonEmptyStrings("permissions");
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        boolean ok = true;
        for (String name : names.get()) {
            try {
                permissions.add(Permission.valueOf(name));
            } catch (IllegalArgumentException e) {
                grant.problem("permissions", Rules.INVALID_VALUE, "unknown permission '" + name + "' (use " + PERMISSIONS + ")");
                ok = false;
            }
        }
        return ok ? Optional.of(permissions) : Optional.empty();
    }

    private Optional<List<ColumnMask>> columnMasks(Fields grant) {
        List<ColumnMask> result = new ArrayList<>();
        boolean ok = true;
        for (Fields item : grant.list("masks")) {
            Optional<ColumnSelection> selection = item.require("columns", "a list of column names or a column selection")
                    ? parts.columns().bind(item, "columns", true) : Optional.empty();
            Optional<Mask> mask = item.require("mask", "{fn: HASH}, {fn: SHOW_LAST_N, n: 4}, ...") ? parts.masks().bind(item, "mask") : Optional.empty();
            item.rejectUnknownKeys();
            if (selection.isPresent() && mask.isPresent()) {
                result.add(new ColumnMask(selection.get(), mask.get()));
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(result) : Optional.empty();
    }

    private static Optional<Instant> instant(Fields valid, String key) {
        return valid.string(key).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                valid.problem(key, Rules.INVALID_VALUE, "must be an ISO instant such as 2025-01-31T00:00:00Z, got '" + text + "'");
                return Optional.empty();
            }
        });
    }

    private static boolean window(Fields valid, Optional<Instant> from, Optional<Instant> until) {
        if ((valid.has("from") && from.isEmpty()) || (valid.has("until") && until.isEmpty())) {
            return false;
        }
        if (from.isEmpty() && until.isEmpty()) {
            valid.problemHere(Rules.INVALID_WINDOW, "needs from, until or both");
            return false;
        }
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            valid.problem("until", Rules.INVALID_WINDOW, "must be after from (" + from.get() + "), got " + until.get());
            return false;
        }
        return true;
    }
}
