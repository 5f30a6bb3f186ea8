package io.meshgate.policy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The case ordering, MASK_CONFLICT and plain rules of R5 and R6 on one column. */
class ColumnCellsTest {
    private static final ColumnDescriptor CARD = Orders.CARD;
    private static final Mask LAST_4 = Mask.withN(MaskFunction.SHOW_LAST_N, 4);
    private static final Mask FIRST_6 = Mask.withN(MaskFunction.SHOW_FIRST_N, 6);
    private static final Mask HASH = Mask.of(MaskFunction.HASH);

    private static ColumnCells.Cover cover(String when, Mask mask) {
        return new ColumnCells.Cover(Optional.ofNullable(when), mask);
    }

    private static CellCase cell(String when, Mask mask) {
        return new CellCase(Optional.ofNullable(when), mask);
    }

    private static Optional<ColumnAccess> plan(List<ColumnCells.Cover> covers, boolean everyRowGrant, List<Mask> restrictions) {
        return ColumnCells.plan(CARD, covers, everyRowGrant, restrictions);
    }

    @Test
    void casesRunFromWeakestMaskAndStopAtAGrantWithoutPredicate() {
        ColumnAccess access = plan(List.of(cover(null, HASH), cover("region = 'EU'", LAST_4), cover("region = 'US'", Mask.NONE),
                cover("id <> '9'", Mask.of(MaskFunction.REDACT))), false, List.of()).orElseThrow();

        assertEquals(List.of(cell("region = 'US'", Mask.NONE), cell("region = 'EU'", LAST_4), cell(null, HASH)), access.cases());
        assertFalse(access.cellNulled());
        assertFalse(access.plain());
    }

    @Test
    void columnCoveredByEveryRowGrantShowsEveryVisibleRow() {
        ColumnAccess unmasked = plan(List.of(cover("region = 'EU'", Mask.NONE), cover("region = 'US'", Mask.NONE)), true, List.of()).orElseThrow();
        assertEquals(List.of(cell(null, Mask.NONE)), unmasked.cases());
        assertTrue(unmasked.plain());

        ColumnAccess partly = plan(List.of(cover("region = 'EU'", Mask.NONE), cover("region = 'US'", Mask.NONE)), false, List.of()).orElseThrow();
        assertEquals(List.of(cell("region = 'EU'", Mask.NONE), cell("region = 'US'", Mask.NONE)), partly.cases());
        assertTrue(partly.cellNulled());
        assertFalse(partly.plain());

        ColumnAccess mixed = plan(List.of(cover("region = 'EU'", Mask.NONE), cover("region = 'US'", LAST_4)), true, List.of()).orElseThrow();
        assertEquals(List.of(cell("region = 'EU'", Mask.NONE), cell(null, LAST_4)), mixed.cases());
    }

    @Test
    void differentMasksOfOneStrengthThatCanDecideConflict() {
        assertEquals(Optional.empty(), plan(List.of(cover(null, LAST_4), cover(null, FIRST_6)), true, List.of()));
        assertEquals(Optional.empty(), plan(List.of(cover("region = 'EU'", LAST_4), cover("region = 'US'", FIRST_6)), false, List.of()),
                "predicates are not interpreted, so any two may overlap");
        assertEquals(Optional.empty(), plan(List.of(cover("region = 'EU'", FIRST_6), cover(null, LAST_4)), true, List.of()),
                "a grant without predicate does not cut off grants of its own strength");
        assertEquals(Optional.empty(), plan(List.of(cover("region = 'EU'", Mask.custom("'x'", 0)), cover(null, Mask.NONE)), true, List.of()),
                "a CUSTOM mask of strength 0 ties with no mask");
        assertTrue(plan(List.of(cover(null, LAST_4), cover("region = 'EU'", LAST_4)), true, List.of()).isPresent(), "equal masks never conflict");
    }

    @Test
    void masksThatCannotDecideDoNotConflict() {
        assertEquals(List.of(cell(null, Mask.NONE)),
                plan(List.of(cover(null, Mask.NONE), cover("region = 'EU'", LAST_4), cover("region = 'US'", FIRST_6)), true, List.of())
                        .orElseThrow().cases(),
                "a weaker grant without predicate decides every row");
        assertEquals(List.of(cell("region = 'EU'", Mask.NONE), cell("region = 'US'", FIRST_6)),
                plan(List.of(cover("region = 'EU'", Mask.NONE), cover("region = 'EU'", LAST_4), cover("region = 'US'", FIRST_6)), false, List.of())
                        .orElseThrow().cases(),
                "LAST_4 is only reached where the unmasked grant with the same predicate already decided");
        assertEquals(Optional.empty(),
                plan(List.of(cover("region = 'EU'", LAST_4), cover("region = 'EU'", FIRST_6)), false, List.of()),
                "the same predicate at the same strength decides the same rows twice");
    }

    @Test
    void restrictionMaskDecidesAboveAGrantTie() {
        ColumnAccess access = plan(List.of(cover("region = 'EU'", LAST_4), cover("region = 'US'", FIRST_6)), true, List.of(HASH)).orElseThrow();
        assertEquals(List.of(cell(null, HASH)), access.cases(), "HASH wins on every row, so the tie below it does not matter");
    }

    @Test
    void grantAndRestrictionMasksTiedAtTheTopConflict() {
        Mask customHash = Mask.custom("md5(card)", 2);
        assertEquals(Optional.empty(), plan(List.of(cover(null, customHash)), true, List.of(HASH)));
        assertEquals(List.of(cell(null, HASH)), plan(List.of(cover(null, HASH)), true, List.of(HASH)).orElseThrow().cases());
        assertEquals(Optional.empty(), plan(List.of(cover(null, Mask.NONE)), true, List.of(HASH, customHash)),
                "two restriction masks tie at the top");
        assertEquals(List.of(cell(null, Mask.of(MaskFunction.REDACT))),
                plan(List.of(cover(null, Mask.of(MaskFunction.REDACT))), true, List.of(HASH, customHash)).orElseThrow().cases(),
                "a stronger grant mask decides above the restriction tie");
        assertEquals(Optional.empty(),
                plan(List.of(cover("region = 'EU'", Mask.NONE), cover(null, customHash)), true, List.of(HASH)),
                "rows outside EU reach the CUSTOM mask, which ties with HASH");
    }
}
