package io.meshgate.server.transport.flight;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How a query's warnings (a deprecated data product it reads) reach the client. Flight SQL has no
 * warning message, so they travel twice, where each kind of client can read them:
 * <ul>
 * <li>in the FlightInfo's {@code app_metadata}, as UTF-8 text with one line per warning, each
 * {@value #LINE_PREFIX}{@code <message>} (readers skip lines with another prefix). Arrow's Flight
 * SQL JDBC driver exposes it as {@code ArrowFlightJdbcFlightStreamResultSet.getAppMetadata()},
 * which {@code jdbc:meshgate:} turns into {@code SQLWarning}s;</li>
 * <li>in the custom metadata of the result's Arrow schema, in the FlightInfo and in the stream,
 * under {@value #SCHEMA_KEY}, the messages separated by newlines: what pyarrow and ADBC clients
 * read as {@code reader.schema.metadata[b"meshgate.warnings"]}.</li>
 * </ul>
 * A message never holds a line break (one would be replaced by a space).
 */
public final class QueryWarnings {
    public static final String SCHEMA_KEY = "meshgate.warnings";
    public static final String LINE_PREFIX = "warning: ";

    private QueryWarnings() {
    }

    /** A flight info for {@code schema} that carries {@code warnings} in its app metadata and its schema. */
    static FlightInfo flightInfo(Schema schema, FlightDescriptor descriptor, FlightEndpoint endpoint, List<String> warnings) {
        FlightInfo.Builder info = FlightInfo.builder(schema(schema, warnings), descriptor, List.of(endpoint)).setBytes(-1).setRecords(-1);
        if (!warnings.isEmpty()) {
            info.setAppMetadata(appMetadata(warnings));
        }
        return info.build();
    }

    /** {@code schema} with the warnings in its custom metadata; {@code schema} itself without warnings. */
    static Schema schema(Schema schema, List<String> warnings) {
        if (warnings.isEmpty()) {
            return schema;
        }
        Map<String, String> metadata = new HashMap<>(schema.getCustomMetadata() == null ? Map.of() : schema.getCustomMetadata());
        metadata.put(SCHEMA_KEY, warnings.stream().map(QueryWarnings::oneLine).collect(Collectors.joining("\n")));
        return new Schema(schema.getFields(), metadata);
    }

    static byte[] appMetadata(List<String> warnings) {
        return warnings.stream().map(w -> LINE_PREFIX + oneLine(w) + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
    }

    /** The warnings in a FlightInfo's app metadata, as a client reads them; none when it has none. */
    public static List<String> read(byte[] appMetadata) {
        if (appMetadata == null) {
            return List.of();
        }
        return new String(appMetadata, StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith(LINE_PREFIX)).map(line -> line.substring(LINE_PREFIX.length())).toList();
    }

    private static String oneLine(String warning) {
        return warning.replace('\r', ' ').replace('\n', ' ');
    }
}
