package io.meshgate.engine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsIsoDurations() {
        assertEquals(Duration.ofHours(6), Durations.parse("PT6H"));
        assertEquals(Duration.ofDays(1), Durations.parse("P1D"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("PT1H30M"));
        assertEquals(Duration.ofMinutes(15), Durations.parse(" pt15m "));
    }

    @Test
    void readsNumbersWithUnitsAloneAndInARow() {
        assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
        assertEquals(Duration.ofHours(6), Durations.parse("6h"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("45s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofHours(6), Durations.parse("6H"));
    }

    @Test
    void rejectsOtherFormsSayingWhichAreAccepted() {
        for (String text : new String[] {"6", "six hours", "6 h", "h6", "6w", "P", "PTxH", "-6h", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text), text);
            assertTrue(e.getMessage().startsWith("Cannot read the duration '" + text + "': write an ISO-8601 duration such as PT6H"),
                    e.getMessage());
        }
    }

    @Test
    void rejectsZeroAndNegativeDurations() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Durations.parse("0m")).getMessage().contains("longer than zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT-1H")).getMessage().contains("longer than zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999999999d")).getMessage()
                .contains("too long"));
    }
}
