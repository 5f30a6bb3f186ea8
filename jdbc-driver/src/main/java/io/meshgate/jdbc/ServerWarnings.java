package io.meshgate.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.util.List;
import org.apache.arrow.driver.jdbc.ArrowFlightJdbcFlightStreamResultSet;

/**
 * The warnings the gateway sends with a result (a deprecated data product the query reads) as JDBC
 * {@link SQLWarning}s. The gateway writes them in the result's FlightInfo {@code app_metadata}, one
 * line per warning, each {@value #LINE_PREFIX}{@code <message>} (lines with another prefix are
 * skipped); Arrow's driver hands that out as
 * {@link ArrowFlightJdbcFlightStreamResultSet#getAppMetadata()}.
 */
final class ServerWarnings {
    static final String LINE_PREFIX = "warning: ";
    /** SQLSTATE class 01, warning, with no subclass. */
    static final String SQLSTATE = "01000";

    private ServerWarnings() {
    }

    /**
     * The messages of the warnings that came with {@code rows}, a query's result set of Arrow's
     * driver; none for any other, and none for one Arrow's driver built without a FlightInfo (some
     * metadata answers), whose {@code getAppMetadata()} fails.
     */
    static List<String> of(ResultSet rows) {
        if (rows instanceof ArrowFlightJdbcFlightStreamResultSet arrow) {
            try {
                return messages(arrow.getAppMetadata());
            } catch (NullPointerException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /** The warning messages in a FlightInfo's app metadata; none when there is none. */
    static List<String> messages(byte[] appMetadata) {
        if (appMetadata == null || appMetadata.length == 0) {
            return List.of();
        }
        return new String(appMetadata, StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith(LINE_PREFIX))
                .map(line -> line.substring(LINE_PREFIX.length()))
                .toList();
    }

    /** A fresh chain of warnings, {@code messages} first, then {@code next} (may be null); null when both are empty. */
    static SQLWarning chain(List<String> messages, SQLWarning next) {
        SQLWarning first = null;
        SQLWarning last = null;
        for (String message : messages) {
            SQLWarning warning = new SQLWarning(message, SQLSTATE);
            if (first == null) {
                first = warning;
            } else {
                last.setNextWarning(warning);
            }
            last = warning;
        }
        if (last == null) {
            return next;
        }
        if (next != null) {
            last.setNextWarning(next);
        }
        return first;
    }
}
