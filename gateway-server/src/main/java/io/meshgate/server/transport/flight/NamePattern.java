package io.meshgate.server.transport.flight;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JDBC/Flight SQL name pattern: {@code %} matches any run of characters, {@code _} any one
 * character, a backslash escapes the next character. An absent pattern matches every name.
 */
record NamePattern(Optional<Pattern> regex) {
    static NamePattern of(boolean present, String pattern) {
        if (!present) {
            return new NamePattern(Optional.empty());
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new NamePattern(Optional.of(Pattern.compile(regex.toString(), Pattern.DOTALL)));
    }

    /** Matches every name. */
    static NamePattern any() {
        return new NamePattern(Optional.empty());
    }

    /** Matches {@code name} only, taken literally. */
    static NamePattern exactly(String name) {
        return new NamePattern(Optional.of(Pattern.compile(Pattern.quote(name), Pattern.DOTALL)));
    }

    boolean matches(String name) {
        return regex.map(r -> r.matcher(name).matches()).orElse(true);
    }
}
