package io.meshgate.policy.model;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the {@code :principal.<attribute>} references in a policy's SQL text, outside string
 * literals and quoted identifiers, and replaces them. This is the one place that knows the
 * reference syntax; the engine replaces each reference before parsing the SQL.
 */
public final class PrincipalReferences {
    private static final String PREFIX = ":principal.";

    private PrincipalReferences() {
    }

    /** The attribute names referenced, in order of first use. */
    public static Set<String> attributes(String sql) {
        Set<String> names = new LinkedHashSet<>();
        replace(sql, name -> {
            names.add(name);
            return "";
        });
        return names;
    }

    /** {@code sql} with every reference replaced by {@code replacement.apply(attributeName)}. */
    public static String replace(String sql, UnaryOperator<String> replacement) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = quotedEnd(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (sql.startsWith(PREFIX, i)) {
                int start = i + PREFIX.length();
                int end = start;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                if (end == start) {
                    out.append(c);
                    i++;
                } else {
                    out.append(replacement.apply(sql.substring(start, end)));
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the quoted text starting at {@code start}; a doubled quote is an escaped one. */
    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
