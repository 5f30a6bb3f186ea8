package io.meshgate.policy.eval;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.model.Mask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How one visible column's cells are shown (R5, R6), from the grants that cover it and the
 * restriction masks on it.
 *
 * <p><b>Cases.</b> The covering grants are ordered by mask strength, weakest first, grants without
 * a row predicate first among equals; each gives a case (its predicate, its mask), so the first
 * case whose predicate is TRUE carries the weakest mask of the grants covering that row. A case
 * without a predicate is the last one (no later case can be reached); a grant whose predicate is,
 * as text, that of an earlier case gives no case (that case is reached first). Each case's mask is
 * then combined with the restriction masks on the column: the strongest wins. When every grant
 * that admits rows (every grant of the row rule) covers the column, every visible row reaches some
 * case, so the last case loses its predicate. Cases just before a last case without predicate that
 * have its mask are folded into it. The column is {@link ColumnAccess#plain() plain} iff the
 * result is one case without predicate or mask.
 *
 * <p><b>MASK_CONFLICT.</b> The evaluator does not interpret SQL, so it assumes that any two
 * different predicates can both be TRUE on some row. The column conflicts when either
 * <ol>
 * <li>at some strength, two different masks belong to grants that can decide a cell (no weaker
 * grant without predicate precedes them, and their predicate is not the text of a weaker grant's
 * predicate), and that strength is at least that of the strongest restriction mask on the column
 * (a stronger restriction mask would decide instead); or</li>
 * <li>for such a deciding grant, the strongest of its mask and the restriction masks is not one
 * mask: a different restriction mask, or two different restriction masks, at the top strength.</li>
 * </ol>
 * Equal masks never conflict; masks are equal when they are equal {@link Mask} records.
 */
final class ColumnCells {
    private ColumnCells() {
    }

    /** What one covering grant offers for the column: its row predicate (empty: every row) and its mask. */
    record Cover(Optional<String> when, Mask mask) {
        Cover {
            requireNonNull(when, "when is null");
            requireNonNull(mask, "mask is null");
        }
    }

    /**
     * The column's access, or empty when masks conflict.
     *
     * @param covering        the grants covering the column, at least one
     * @param everyRowGrant   every grant of the row rule is among {@code covering}
     * @param restrictionMasks the masks of the restrictions that apply to the column
     */
    static Optional<ColumnAccess> plan(ColumnDescriptor column, List<Cover> covering, boolean everyRowGrant, List<Mask> restrictionMasks) {
        if (covering.isEmpty()) {
            throw new IllegalArgumentException("Cannot show column '" + column.name() + "': no grant covers it");
        }
        int restrictionStrength = restrictionMasks.stream().mapToInt(Mask::strength).max().orElse(-1);
        List<Cover> ordered = covering.stream()
                .sorted(Comparator.<Cover>comparingInt(cover -> cover.mask().strength()).thenComparing(cover -> cover.when().isPresent()))
                .toList();
        List<CellCase> cases = new ArrayList<>();
        Set<String> weakerPredicates = new HashSet<>();
        int next = 0;
        while (next < ordered.size()) {
            int strength = ordered.get(next).mask().strength();
            List<Cover> deciding = new ArrayList<>();
            for (; next < ordered.size() && ordered.get(next).mask().strength() == strength; next++) {
                Cover cover = ordered.get(next);
                if (cover.when().map(when -> !weakerPredicates.contains(when)).orElse(true)) {
                    deciding.add(cover);
                }
            }
            if (strength >= restrictionStrength && deciding.stream().map(Cover::mask).distinct().count() > 1) {
                return Optional.empty();
            }
            for (Cover cover : deciding) {
                Optional<Mask> shown = strongest(cover.mask(), restrictionMasks, restrictionStrength);
                if (shown.isEmpty()) {
                    return Optional.empty();
                }
                if (cases.stream().noneMatch(c -> c.when().equals(cover.when()))) {
                    cases.add(new CellCase(cover.when(), shown.get()));
                }
                if (cover.when().isEmpty()) {
                    return Optional.of(access(column, cases, everyRowGrant));
                }
            }
            deciding.forEach(cover -> weakerPredicates.add(cover.when().orElseThrow()));
        }
        return Optional.of(access(column, cases, everyRowGrant));
    }

    /** The strongest of {@code mask} and the restriction masks, or empty when two different masks share that strength. */
    private static Optional<Mask> strongest(Mask mask, List<Mask> restrictionMasks, int restrictionStrength) {
        int deciding = Math.max(mask.strength(), restrictionStrength);
        List<Mask> top = Stream.concat(Stream.of(mask), restrictionMasks.stream())
                .filter(candidate -> candidate.strength() == deciding)
                .distinct()
                .toList();
        return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }

    private static ColumnAccess access(ColumnDescriptor column, List<CellCase> cases, boolean everyRowGrant) {
        List<CellCase> shown = new ArrayList<>(cases);
        CellCase last = shown.remove(shown.size() - 1);
        if (everyRowGrant || last.when().isEmpty()) {
            while (!shown.isEmpty() && shown.get(shown.size() - 1).mask().equals(last.mask())) {
                shown.remove(shown.size() - 1);
            }
            last = new CellCase(Optional.empty(), last.mask());
        }
        shown.add(last);
        boolean plain = shown.size() == 1 && shown.get(0).when().isEmpty() && shown.get(0).mask().isNone();
        return new ColumnAccess(column, shown, plain);
    }
}
