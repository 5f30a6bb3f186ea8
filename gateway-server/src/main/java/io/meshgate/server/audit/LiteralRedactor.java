package io.meshgate.server.audit;

import java.util.Locale;
import java.util.Set;

/**
 * Takes the values out of SQL text for the audit log: every string, numeric, date, time,
 * timestamp and interval literal becomes {@code ?}, and comments are dropped (they can hold
 * anything). Identifiers, quoted ones included ({@code "a ""b"""}, {@code `c`}), keywords and
 * layout stay, so the statement's shape can still be read. A small lexer, not a parser: it never
 * fails, and text it cannot close (an unterminated string or comment) is redacted to the end.
 */
final class LiteralRedactor {
    static final char PLACEHOLDER = '?';

    /** Prefixes of string literals that are part of the literal: E'..' (backslash escapes), N'..', X'..', B'..'. */
    private static final Set<String> STRING_PREFIXES = Set.of("E", "N", "X", "B");
    /** Keywords that turn the string after them into a date/time literal: the keyword goes with the value. */
    private static final Set<String> TYPED_LITERALS = Set.of("DATE", "TIME", "TIMESTAMP", "INTERVAL");

    private LiteralRedactor() {
    }

    static String redact(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                i = endOfLine(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = endOfBlockComment(sql, i);
                out.append(' ');
            } else if (c == '\'') {
                i = endOfString(sql, i, false);
                out.append(PLACEHOLDER);
            } else if (c == '"' || c == '`') {
                int end = endOfQuotedIdentifier(sql, i, c);
                // An unterminated quoted identifier keeps only its quote: what follows is lexed, so no literal hides in it.
                end = end < 0 ? i + 1 : end;
                out.append(sql, i, end);
                i = end;
            } else if (isIdentifierStart(c)) {
                i = word(sql, i, out);
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)))) {
                i = endOfNumber(sql, i);
                out.append(PLACEHOLDER);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** An identifier or keyword at {@code start}, with a string literal it prefixes or introduces; returns where it ends. */
    private static int word(String sql, int start, StringBuilder out) {
        int end = endOfIdentifier(sql, start);
        String word = sql.substring(start, end).toUpperCase(Locale.ROOT);
        if (end < sql.length() && sql.charAt(end) == '\'' && STRING_PREFIXES.contains(word)) {
            out.append(PLACEHOLDER);
            return endOfString(sql, end, word.equals("E"));
        }
        if (word.equals("U") && sql.startsWith("&'", end)) {
            out.append(PLACEHOLDER);
            return endOfString(sql, end + 1, false);
        }
        if (TYPED_LITERALS.contains(word)) {
            int next = end;
            while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
                next++;
            }
            if (next < sql.length() && sql.charAt(next) == '\'') {
                out.append(PLACEHOLDER);
                return endOfString(sql, next, false);
            }
        }
        out.append(sql, start, end);
        return end;
    }

    /** The index after the string literal whose opening quote is at {@code quote}; the end of the text if it is not closed. */
    private static int endOfString(String sql, int quote, boolean backslashEscapes) {
        int i = quote + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index after the quoted identifier opened at {@code start} (doubled quotes stay inside), or -1 if it is not closed. */
    private static int endOfQuotedIdentifier(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Digits, a fraction, an exponent, and any letters glued to them ({@code 1e10}, {@code 10L}, {@code 0x1F}). */
    private static int endOfNumber(String sql, int start) {
        int i = digits(sql, start);
        if (i < sql.length() && sql.charAt(i) == '.') {
            i = digits(sql, i + 1);
        }
        if (i < sql.length() && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < sql.length() && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < sql.length() && isDigit(sql.charAt(exponent))) {
                i = digits(sql, exponent);
            }
        }
        return endOfIdentifier(sql, i);
    }

    private static int digits(String sql, int start) {
        int i = start;
        while (i < sql.length() && isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfIdentifier(String sql, int start) {
        int i = start;
        while (i < sql.length() && isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Drops the comment and keeps the line break, so the lines of the statement stay as they were. */
    private static int endOfLine(String sql, int start) {
        int i = start;
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int endOfBlockComment(String sql, int start) {
        int end = sql.indexOf("*/", start + 2);
        return end < 0 ? sql.length() : end + 2;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
