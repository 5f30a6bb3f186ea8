package io.meshgate.server.portal;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.contract.ContractReport;
import io.meshgate.engine.contract.RuleResult;
import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.engine.product.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * @param version           the product's version, as the owner wrote it
 * @param status            where the product is in its life on the day it was read (a product with
 *                          a sunset date to come is deprecated, one past it retired)
 * @param sunset            when a deprecated product stops answering
 * @param access            how to request access, as the owner wrote it
 * @param tags              the table's effective tags
 * @param columns           the visible columns in table order
 * @param freshness         how current it is, against its freshness SLA
 * @param contract          the latest result of its contract check
 * @param sampleSql         a query over the visible columns
 * @param statisticsVisible the principal may read the product's statistics (METADATA_READ and
 *                          full access, POLICY.md B6), so its served-data counters are shown
 */
record Product(String domain, String schema, String table, Optional<String> description, Optional<String> owner,
        Optional<String> contact, Optional<String> version, ProductStatus status, Optional<LocalDate> sunset,
        Optional<String> access, Map<String, Set<String>> tags, List<Column> columns, Freshness freshness, Contract contract,
        String sampleSql, boolean statisticsVisible) {
    Product {
        requireNonNull(domain, "domain is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(description, "description is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(contact, "contact is null");
        requireNonNull(version, "version is null");
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
     * How current the product is: the snapshot queries read now, when it was committed (empty for
     * a table without a snapshot) and how old the product may get (its freshness SLA).
     */
    record Freshness(OptionalLong snapshotId, Optional<Instant> updatedAt, Optional<Duration> sla) {
        Freshness {
            requireNonNull(snapshotId, "snapshotId is null");
            requireNonNull(updatedAt, "updatedAt is null");
            requireNonNull(sla, "sla is null");
        }

        /** Whole minutes from the last update to {@code now}; empty when the update time is not known. */
        OptionalLong minutesSince(Instant now) {
            return updatedAt.map(at -> OptionalLong.of(Math.max(0, Duration.between(at, now).toMinutes()))).orElse(OptionalLong.empty());
        }

        /**
         * Whether the SLA is breached at {@code now}: the last update is older than it allows, or
         * there is none at all; empty without an SLA.
         */
        Optional<Boolean> breached(Instant now) {
            return sla.map(allowed -> updatedAt.map(at -> Duration.between(at, now).compareTo(allowed) > 0).orElse(true));
        }
    }

    /**
     * The latest stored result of the product's contract check: its status and the rules that did
     * not hold or could not be checked; no status when the product was never checked.
     */
    record Contract(Optional<RuleStatus> status, List<String> failingRules) {
        static final Contract NONE = new Contract(Optional.empty(), List.of());
        static final String NO_RESULTS = "no contract results";

        Contract {
            requireNonNull(status, "status is null");
            failingRules = List.copyOf(requireNonNull(failingRules, "failingRules is null"));
        }

        /**
         * The report's status, with its failing rules named only when {@code nameRules}: rule names
         * name columns, so only a principal who sees every column may read them.
         */
        static Contract of(ContractReport report, boolean nameRules) {
            return new Contract(Optional.of(report.status()), nameRules
                    ? report.results().stream().filter(r -> r.status() != RuleStatus.PASS).map(RuleResult::rule).toList() : List.of());
        }

        /** {@code PASS}, {@code FAIL: rule, rule}, {@code ERROR: rule} or {@value #NO_RESULTS}. */
        String text() {
            return status.map(s -> s == RuleStatus.PASS || failingRules.isEmpty() ? s.name() : s.name() + ": " + String.join(", ", failingRules))
                    .orElse(NO_RESULTS);
        }
    }

    /** Its status as shown: {@code active}, or {@code deprecated until 2026-09-30} for a deprecated product with a sunset date. */
    String statusText() {
        return status == ProductStatus.DEPRECATED && sunset.isPresent() ? status.text() + " until " + sunset.get() : status.text();
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
        Stream<String> own = Stream.of(Optional.of(qualifiedName()), description, owner, Optional.of(status.text())).flatMap(Optional::stream);
        Stream<String> columnText = columns.stream()
                .flatMap(c -> Stream.of(Stream.of(c.name()), c.comment().stream(), tagText(c.tags())).flatMap(text -> text));
        return String.join("\n", Stream.of(own, tagText(tags), columnText).flatMap(text -> text).toList()).toLowerCase(Locale.ROOT);
    }

    /** Tags as {@code key=value}, so that a search for a key, a value or both finds them. */
    private static Stream<String> tagText(Map<String, Set<String>> tags) {
        return tags.entrySet().stream().flatMap(e -> e.getValue().stream().map(value -> e.getKey() + "=" + value));
    }
}
