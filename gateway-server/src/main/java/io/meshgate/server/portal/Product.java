package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One data product as the portal shows it to one principal: only what that principal may
 * DESCRIBE (its visible columns, and their tags).
 *
 * @param description       what the product holds
 * @param owner             who owns it (a team or a person)
 * @param contact           how to reach the owner
 * @param slaFreshness      the promised freshness, as the owner wrote it
 * @param status            the lifecycle status, as the owner wrote it
 * @param sunset            when a deprecated product stops answering, as the owner wrote it
 * @param access            how to request access, as the owner wrote it
 * @param tags              the table's effective tags
 * @param columns           the visible columns in table order
 * @param contract          the status of its contract
 * @param sampleSql         a query over the visible columns
 * @param statisticsVisible the principal may read the product's statistics (METADATA_READ and
 *                          full access, POLICY.md B6), so its served-data counters are shown
 */
record Product(String domain, String schema, String table, Optional<String> description, Optional<String> owner,
        Optional<String> contact, Optional<String> slaFreshness, Optional<String> status, Optional<String> sunset,
        Optional<String> access, Map<String, Set<String>> tags, List<Column> columns, Freshness freshness, String contract,
        String sampleSql, boolean statisticsVisible) {
    Product {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(description, "description is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(contact, "contact is null");
        requireNonNull(slaFreshness, "slaFreshness is null");
        requireNonNull(status, "status is null");
        requireNonNull(sunset, "sunset is null");
        requireNonNull(access, "access is null");
        tags = Map.copyOf(requireNonNull(tags, "tags is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(freshness, "freshness is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(sampleSql, "sampleSql is null");
    }

    /** A visible column: its SQL type, whether it may be NULL for this principal, its description and tags. */
    record Column(String name, String type, boolean nullable, Optional<String> comment, Map<String, Set<String>> tags) {
        Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(comment, "comment is null");
            tags = Map.copyOf(requireNonNull(tags, "tags is null"));
        }
    }

    /**
     * How current the product is: the snapshot queries read now and, when the metadata says, when
     * it was written.
     */
    record Freshness(OptionalLong snapshotId, Optional<Instant> updatedAt) {
        Freshness {
            requireNonNull(snapshotId, "snapshotId is null");
            requireNonNull(updatedAt, "updatedAt is null");
        }

        /** Whole minutes from the last update to {@code now}; empty when the update time is not known. */
        OptionalLong minutesSince(Instant now) {
            return updatedAt.map(at -> OptionalLong.of(Math.max(0, Duration.between(at, now).toMinutes()))).orElse(OptionalLong.empty());
        }
    }

    String qualifiedName() {
        return domain + "." + schema + "." + table;
    }

    /**
     * True when every word of {@code query} appears, ignoring case, in the product's name,
     * description, owner, status or tags ({@code key=value}), or in a visible column's name,
     * description or tags. A blank query
     * matches everything.
     */
    boolean matches(String query) {
        String haystack = searchText();
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private String searchText() {
        Stream<String> own = Stream.of(Optional.of(qualifiedName()), description, owner, status).flatMap(Optional::stream);
        Stream<String> columnText = columns.stream()
                .flatMap(c -> Stream.of(Stream.of(c.name()), c.comment().stream(), tagText(c.tags())).flatMap(text -> text));
        return String.join("\n", Stream.of(own, tagText(tags), columnText).flatMap(text -> text).toList()).toLowerCase(Locale.ROOT);
    }

    /** Tags as {@code key=value}, so that a search for a key, a value or both finds them. */
    private static Stream<String> tagText(Map<String, Set<String>> tags) {
        return tags.entrySet().stream().flatMap(e -> e.getValue().stream().map(value -> e.getKey() + "=" + value));
    }
}
