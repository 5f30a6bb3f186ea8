package io.meshgate.policy.load;

/** The stable names of the rules a policy file can break, as {@link PolicyProblem#rule()} reports them. */
final class Rules {
    static final String NO_FILES = "no-files";
    static final String UNREADABLE = "unreadable";
    static final String YAML_SYNTAX = "yaml-syntax";
    static final String DUPLICATE_KEY = "duplicate-key";
    static final String UNKNOWN_KEY = "unknown-key";
    static final String MISSING_KEY = "missing-key";
    static final String WRONG_TYPE = "wrong-type";
    static final String INVALID_VALUE = "invalid-value";
    static final String DUPLICATE_VALUE = "duplicate-value";
    static final String INVALID_NAME = "invalid-name";
    static final String INVALID_SELECTION = "invalid-selection";
    static final String INVALID_EXPRESSION = "invalid-expression";
    static final String NOT_APPLICABLE = "not-applicable";
    static final String INVALID_WINDOW = "invalid-window";
    static final String EMPTY_PRINCIPALS = "empty-principals";
    static final String DUPLICATE_ID = "duplicate-id";
    static final String DUPLICATE_TAG = "duplicate-tag";
    static final String DUPLICATE_ATTRIBUTE = "duplicate-attribute";
    static final String DUPLICATE_USER = "duplicate-user";
    static final String DUPLICATE_ROLE = "duplicate-role";
    static final String DUPLICATE_ASSIGNMENT = "duplicate-assignment";
    static final String UNDECLARED_TAG = "undeclared-tag";
    static final String UNDECLARED_TAG_VALUE = "undeclared-tag-value";
    static final String UNORDERED_TAG = "unordered-tag";
    static final String UNDECLARED_ATTRIBUTE = "undeclared-attribute";
    static final String ATTRIBUTE_TYPE = "attribute-type";
    static final String UNDECLARED_ROLE = "undeclared-role";
    static final String ROLE_CYCLE = "role-cycle";
    static final String INVALID_SQL = "invalid-sql";
    /** A grant on a resource link gives more than the link's owner (its grantor) gets on the target (POLICY.md section 4). */
    static final String GRANT_EXCEEDS_GRANTOR = "grant-exceeds-grantor";
    /** The set loaded but the access policy could not be built from it. */
    static final String UNUSABLE = "unusable";

    private Rules() {
    }
}
