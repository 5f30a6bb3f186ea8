package io.meshgate.policy.model;

/** What a grant allows. METADATA_READ opens Iceberg metadata tables and statistics (B6). */
public enum Permission {
    DESCRIBE,
    SELECT,
    METADATA_READ
}
