package io.meshgate.engine.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Turns a value as a contract writes it ({@code 600000}, {@code F}, {@code 2024-01-01}) into the
 * Java value that binds to a query parameter of the column's type, so that no value is ever
 * spliced into SQL text.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /** The value for a parameter of {@code type}; throws IllegalArgumentException saying why {@code text} does not fit. */
    static Object of(String text, ArrowType type) {
        try {
            return switch (type.getTypeID()) {
                case Int -> new BigDecimal(text.trim()).toBigIntegerExact();
                case Decimal -> new BigDecimal(text.trim());
                case FloatingPoint -> Double.parseDouble(text.trim());
                case Utf8 -> text;
                case Bool -> bool(text);
                case Date -> LocalDate.parse(text.trim());
                case Time -> LocalTime.parse(text.trim());
                case Timestamp -> ((ArrowType.Timestamp) type).getTimezone() == null
                        ? LocalDateTime.parse(text.trim().replace(' ', 'T'))
                        : instant(text.trim().replace(' ', 'T'));
                default -> throw new IllegalArgumentException("values of this column's type cannot be compared");
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + (type.getTypeID() == ArrowType.ArrowTypeID.Int ? "a whole number" : "a number"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + switch (type.getTypeID()) {
                case Date -> "date (write 2024-01-31)";
                case Time -> "time (write 13:45:00)";
                default -> "timestamp (write 2024-01-31T13:45:00" + (((ArrowType.Timestamp) type).getTimezone() == null ? ")" : "Z)");
            });
        }
    }

    private static Object bool(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not true or false");
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
