package io.meshgate.policy.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A permissive rule: principals in {@code to} get {@code permissions} on the selected tables, for
 * the selected columns, on the rows where {@code rows} (SQL over the raw columns, may use
 * {@code :principal.<attribute>}, {@code current_user()}, {@code is_member('g')}) is TRUE (empty:
 * every row), with {@code masks} on some columns, between {@code validFrom} and {@code validUntil}.
 */
public record Grant(
        String id,
        PrincipalMatch to,
        Set<Permission> permissions,
        ObjectSelection on,
        ColumnSelection columns,
        Optional<String> rows,
        List<ColumnMask> masks,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil,
        Origin origin) {
    public Grant {
        requireNonNull(id, "id is null");
        requireNonNull(to, "to is null");
        permissions = Set.copyOf(requireNonNull(permissions, "permissions is null"));
        requireNonNull(on, "on is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        masks = List.copyOf(requireNonNull(masks, "masks is null"));
        requireNonNull(validFrom, "validFrom is null");
        requireNonNull(validUntil, "validUntil is null");
        requireNonNull(origin, "origin is null");
    }

    public boolean validAt(Instant now) {
        return validFrom.map(from -> !now.isBefore(from)).orElse(true) && validUntil.map(now::isBefore).orElse(true);
    }
}
