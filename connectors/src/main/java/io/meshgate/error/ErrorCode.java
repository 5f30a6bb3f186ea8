package io.meshgate.error;

import static java.util.Objects.requireNonNull;

/**
 * Every error a client can see, with a stable number, its SQLSTATE and its category.
 * Numbers never change meaning once released.
 */
public enum ErrorCode {
    SYNTAX_ERROR(1, "42601", ErrorCategory.USER),
    CATALOG_NOT_FOUND(2, "3D000", ErrorCategory.USER),
    SCHEMA_NOT_FOUND(3, "3F000", ErrorCategory.USER),
    TABLE_NOT_FOUND(4, "42P01", ErrorCategory.USER),
    COLUMN_NOT_FOUND(5, "42703", ErrorCategory.USER),
    FUNCTION_NOT_FOUND(6, "42883", ErrorCategory.USER),
    TYPE_MISMATCH(7, "42804", ErrorCategory.USER),
    INVALID_QUERY(8, "42000", ErrorCategory.USER),
    NOT_SUPPORTED(9, "0A000", ErrorCategory.USER),
    DIVISION_BY_ZERO(10, "22012", ErrorCategory.USER),
    INVALID_DATA(11, "22000", ErrorCategory.USER),
    INVALID_REQUEST(12, "08P01", ErrorCategory.USER),
    /** A data product past its sunset date, or marked retired: it no longer answers queries. */
    PRODUCT_RETIRED(13, "55000", ErrorCategory.USER),
    AUTHENTICATION_FAILED(20, "28000", ErrorCategory.AUTHENTICATION),
    PERMISSION_DENIED(30, "42501", ErrorCategory.PERMISSION),
    MASK_CONFLICT(31, "42501", ErrorCategory.PERMISSION),
    RESOURCES_EXHAUSTED(40, "53000", ErrorCategory.RESOURCES),
    QUERY_CANCELLED(50, "57014", ErrorCategory.CANCELLED),
    QUERY_TIMEOUT(51, "57014", ErrorCategory.CANCELLED),
    EXTERNAL_ERROR(60, "58030", ErrorCategory.EXTERNAL),
    INTERNAL_ERROR(90, "XX000", ErrorCategory.INTERNAL);

    private final int number;
    private final String sqlState;
    private final ErrorCategory category;

    ErrorCode(int number, String sqlState, ErrorCategory category) {
        this.number = number;
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
        this.category = requireNonNull(category, "category is null");
    }

    public int number() {
        return number;
    }

    public String sqlState() {
        return sqlState;
    }

    public ErrorCategory category() {
        return category;
    }
}
