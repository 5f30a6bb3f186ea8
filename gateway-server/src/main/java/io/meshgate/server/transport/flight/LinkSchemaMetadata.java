package io.meshgate.server.transport.flight;

/**
 * The schema metadata keys GetTables (with include_schema) puts on the schema of a name a
 * resource link gives (table type {@code LINK}), for clients such as the shell's {@code \d}.
 */
public final class LinkSchemaMetadata {
    /** The link's status: OK, DANGLING, CYCLE or UNAVAILABLE. */
    public static final String STATUS = "meshgate:link-status";
    /** The table the link leads to, present only when the caller may know it (its owner, or who sees that table). */
    public static final String TARGET = "meshgate:link-target";

    private LinkSchemaMetadata() {
    }
}
