package io.meshgate.server.transport.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class QueryWarningsTest {
    private static final Schema RESULT = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null)),
            Map.of("other", "kept"));
    private static final FlightEndpoint ENDPOINT = new FlightEndpoint(new Ticket(new byte[] {1}));

    @Test
    void warningsGoInTheAppMetadataAndTheSchemaOfTheFlightInfo() {
        FlightInfo info = QueryWarnings.flightInfo(RESULT, FlightDescriptor.command(new byte[0]), ENDPOINT, List.of("first", "second\nline"));
        assertEquals("warning: first\nwarning: second line\n", new String(info.getAppMetadata(), StandardCharsets.UTF_8));
        assertEquals(Map.of("other", "kept", "meshgate.warnings", "first\nsecond line"), info.getSchema().getCustomMetadata());
        assertEquals(List.of("first", "second line"), QueryWarnings.read(info.getAppMetadata()));
        assertEquals(RESULT.getFields(), info.getSchema().getFields());
    }

    @Test
    void withoutWarningsNothingIsAdded() {
        FlightInfo info = QueryWarnings.flightInfo(RESULT, FlightDescriptor.command(new byte[0]), ENDPOINT, List.of());
        assertNull(info.getAppMetadata());
        assertSame(RESULT, QueryWarnings.schema(RESULT, List.of()));
        assertEquals(List.of(), QueryWarnings.read(null));
    }
}
