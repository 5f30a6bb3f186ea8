package io.meshgate.connector.iceberg;

import java.util.regex.Pattern;

/** Catalog addresses as they may be shown: without the user information or secret parameters they may carry. */
final class CatalogUris {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.:-]*://)[^/@?#]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;](?:password|secret|token|credential)[^=&;]*=)[^&;]*");

    private CatalogUris() {
    }

    /** {@code uri} with any {@code user:password@} and the values of password, secret, token and credential parameters replaced by {@code ***}. */
    static String withoutSecrets(String uri) {
        String redacted = USER_INFO.matcher(uri).replaceFirst("$1***@");
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1***");
    }
}
