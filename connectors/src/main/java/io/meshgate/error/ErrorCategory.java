package io.meshgate.error;

/** What kind of failure an error is; the gateway maps each category to one transport status. */
public enum ErrorCategory {
    /** The query or request is wrong; the user can fix it. */
    USER,
    /** Credentials were missing or wrong. */
    AUTHENTICATION,
    /** The principal may not do this. */
    PERMISSION,
    /** A limit was reached (memory, rows, concurrency, time). */
    RESOURCES,
    /** The query was cancelled by its client or by a timeout. */
    CANCELLED,
    /** A part outside the gateway failed: a catalog, object storage, a source database. */
    EXTERNAL,
    /** A defect in Meshgate itself. */
    INTERNAL
}
