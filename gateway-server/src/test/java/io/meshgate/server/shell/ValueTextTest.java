package io.meshgate.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void decimalsAreExactAndNullIsNull() {
        try (DecimalVector vector = new DecimalVector("d", allocator, 38, 10)) {
            vector.allocateNew(2);
            vector.setSafe(0, new BigDecimal("12345678901234567890.1234500000"));
            vector.setNull(1);
            vector.setValueCount(2);
            assertEquals("12345678901234567890.1234500000", ValueText.text(vector, 0));
            assertNull(ValueText.text(vector, 1));
            assertEquals("null", ValueText.json(vector, 1));
        }
    }

    @Test
    void datesTimesAndTimestampsAreIso() {
        try (DateDayVector dates = new DateDayVector("d", allocator);
                TimeMicroVector times = new TimeMicroVector("t", allocator);
                TimeStampMicroVector timestamps = new TimeStampMicroVector("ts", allocator);
                TimeStampMilliTZVector zoned = new TimeStampMilliTZVector("tz", allocator, "Europe/Oslo")) {
            dates.setSafe(0, (int) LocalDate.of(2024, 1, 31).toEpochDay());
            times.setSafe(0, LocalTime.of(9, 5).toNanoOfDay() / 1000);
            Instant instant = Instant.parse("2024-01-31T08:05:00.25Z");
            timestamps.setSafe(0, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
            zoned.setSafe(0, instant.toEpochMilli());
            for (var vector : new org.apache.arrow.vector.FieldVector[] {dates, times, timestamps, zoned}) {
                vector.setValueCount(1);
            }
            assertEquals("2024-01-31", ValueText.text(dates, 0));
            assertEquals("09:05:00", ValueText.text(times, 0));
            assertEquals("2024-01-31 08:05:00.25", ValueText.text(timestamps, 0));
            assertEquals("2024-01-31 09:05:00.25+01:00", ValueText.text(zoned, 0));
            assertEquals("\"2024-01-31\"", ValueText.json(dates, 0));
        }
    }

    @Test
    void binaryIsHexAndBooleansAndFloatsAreBareInJson() {
        try (VarBinaryVector binary = new VarBinaryVector("b", allocator);
                BitVector bits = new BitVector("bit", allocator);
                Float8Vector floats = new Float8Vector("f", allocator)) {
            binary.setSafe(0, new byte[] {0x0a, (byte) 0xff});
            bits.setSafe(0, 1);
            floats.setSafe(0, 2.5);
            floats.setSafe(1, Double.NaN);
            binary.setValueCount(1);
            bits.setValueCount(1);
            floats.setValueCount(2);
            assertEquals("0x0aff", ValueText.text(binary, 0));
            assertEquals("true", ValueText.json(bits, 0));
            assertEquals("2.5", ValueText.json(floats, 0));
            assertEquals("\"NaN\"", ValueText.json(floats, 1));
            assertTrue(ValueText.isNumeric(floats.getField()));
            assertFalse(ValueText.isNumeric(bits.getField()));
        }
    }

    @Test
    void listsStructsAndMapsAreJson() {
        try (ListVector list = ListVector.empty("tags", allocator);
                StructVector struct = StructVector.empty("address", allocator);
                MapVector map = MapVector.empty("attributes", allocator, false)) {
            list.addOrGetVector(FieldType.nullable(new ArrowType.Int(32, true)));
            list.allocateNew();
            IntVector elements = (IntVector) list.getDataVector();
            int offset = list.startNewValue(0);
            elements.setSafe(offset, 1);
            elements.setNull(offset + 1);
            elements.setSafe(offset + 2, 3);
            elements.setValueCount(3);
            list.endValue(0, 3);
            list.setValueCount(1);
            assertEquals("[1, null, 3]", ValueText.text(list, 0));

            VarCharVector city = struct.addOrGet("city", FieldType.nullable(ArrowType.Utf8.INSTANCE), VarCharVector.class);
            IntVector zip = struct.addOrGet("zip", FieldType.nullable(new ArrowType.Int(32, true)), IntVector.class);
            struct.allocateNew();
            city.setSafe(0, "Oslo \"sentrum\"".getBytes(StandardCharsets.UTF_8));
            zip.setSafe(0, 150);
            struct.setIndexDefined(0);
            city.setValueCount(1);
            zip.setValueCount(1);
            struct.setValueCount(1);
            assertEquals("{\"city\": \"Oslo \\\"sentrum\\\"\", \"zip\": 150}", ValueText.text(struct, 0));

            UnionMapWriter writer = map.getWriter();
            writer.setPosition(0);
            writer.startMap();
            writer.startEntry();
            writer.key().varChar().writeVarChar("colour");
            writer.value().integer().writeInt(7);
            writer.endEntry();
            writer.endMap();
            writer.setValueCount(1);
            assertEquals("{\"colour\": 7}", ValueText.text(map, 0));
            assertEquals(Field.nullable("x", ArrowType.Utf8.INSTANCE).getType(), ArrowType.Utf8.INSTANCE);
        }
    }
}
