package io.meshgate.engine.product;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations product metadata is written in (a freshness SLA): ISO-8601 ({@code PT6H},
 * {@code P1D}, {@code PT1H30M}) or whole numbers with a unit, alone or in a row ({@code 30m},
 * {@code 6h}, {@code 2d}, {@code 1h30m}; units {@code s}, {@code m}, {@code h}, {@code d}).
 * A duration must be positive.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(?:\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");
    private static final String FORMS = "write an ISO-8601 duration such as PT6H or P1D, or a number and a unit such as 30m, 6h or 2d";

    private Durations() {
    }

    /**
     * The duration {@code text} spells.
     *
     * @throws IllegalArgumentException saying which forms are accepted when {@code text} is none of them, or not positive
     */
    public static Duration parse(String text) {
        String written = text.strip();
        Duration duration;
        if (written.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                duration = Duration.parse(written);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        } else if (SHORT.matcher(written.toLowerCase(Locale.ROOT)).matches()) {
            duration = sum(written.toLowerCase(Locale.ROOT), text);
        } else {
            throw invalid(text);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Cannot read the duration '" + text + "': it must be longer than zero");
        }
        return duration;
    }

    private static Duration sum(String lower, String text) {
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(lower);
        while (part.find()) {
            ChronoUnit unit = switch (part.group(2)) {
                case "s" -> ChronoUnit.SECONDS;
                case "m" -> ChronoUnit.MINUTES;
                case "h" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            try {
                total = total.plus(unit.getDuration().multipliedBy(Long.parseLong(part.group(1))));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("Cannot read the duration '" + text + "': it is too long");
            }
        }
        return total;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Cannot read the duration '" + text + "': " + FORMS);
    }
}
