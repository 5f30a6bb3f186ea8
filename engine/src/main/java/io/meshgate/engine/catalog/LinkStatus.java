package io.meshgate.engine.catalog;

/** Whether a link reaches a table, as its owner sees it; every other principal sees only links that are {@link #OK}. */
public enum LinkStatus {
    /** Bound to its target, which is still the table it was bound to. */
    OK,
    /**
     * Its target is missing, or is not the table the link was bound to (dropped, or dropped and
     * re-created): users get TABLE_NOT_FOUND, as for a table that does not exist, until the links
     * are bound again.
     */
    DANGLING,
    /** It leads back to itself through other links: it reaches nothing. */
    CYCLE,
    /** Its target's catalog could not be read; it may work again later. */
    UNAVAILABLE
}
