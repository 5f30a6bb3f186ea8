package io.meshgate.server.shell;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The text of one Arrow value, the same in every output format: integers and decimals exact
 * ({@code 1234.50}, never {@code 1.2345E3}), dates, times and timestamps ISO with a space before
 * the time ({@code 2024-01-31 09:05:00.25}, with the offset when the type has a time zone), binary
 * as {@code 0x} and lower-case hex, lists, structs and maps as JSON ({@code [1, 2]},
 * {@code {"city": "Oslo"}}). NULL is the caller's to show: {@link #text} returns null for it.
 */
final class ValueText {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();
    private static final DateTimeFormatter TIMESTAMP_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(TIMESTAMP).appendOffsetId().toFormatter();
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private ValueText() {
    }

    /** Whether the column holds numbers, which aligned output puts flush right. */
    static boolean isNumeric(Field field) {
        ArrowType type = field.getType();
        return type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Decimal;
    }

    /** The value at {@code row} as text, or null when it is NULL. */
    static String text(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        ArrowType type = vector.getField().getType();
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList || type instanceof ArrowType.FixedSizeList
                || type instanceof ArrowType.Struct || type instanceof ArrowType.Map) {
            return json(vector, row);
        }
        return scalar(vector, row, type);
    }

    /** The value at {@code row} as JSON: numbers and booleans bare, other scalars as strings, NULL as null. */
    static String json(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return "null";
        }
        ArrowType type = vector.getField().getType();
        if (vector instanceof MapVector map) {
            return jsonMap(map, row);
        }
        if (vector instanceof ListVector list) {
            return jsonList(list.getDataVector(), list.getElementStartIndex(row), list.getElementEndIndex(row));
        }
        if (vector instanceof LargeListVector list) {
            return jsonList(list.getDataVector(), Math.toIntExact(list.getElementStartIndex(row)),
                    Math.toIntExact(list.getElementEndIndex(row)));
        }
        if (vector instanceof FixedSizeListVector list) {
            int size = list.getListSize();
            return jsonList(list.getDataVector(), row * size, (row + 1) * size);
        }
        if (vector instanceof StructVector struct) {
            StringBuilder json = new StringBuilder("{");
            for (FieldVector child : struct.getChildrenFromFields()) {
                json.append(json.length() > 1 ? ", " : "").append(quote(child.getName())).append(": ").append(json(child, row));
            }
            return json.append('}').toString();
        }
        String text = scalar(vector, row, type);
        if (type instanceof ArrowType.Bool || isNumeric(vector.getField()) && isFinite(text)) {
            return text;
        }
        return quote(text);
    }

    /** {@code text} as a JSON string, with quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String scalar(FieldVector vector, int row, ArrowType type) {
        if (type instanceof ArrowType.Decimal) {
            return ((BigDecimal) vector.getObject(row)).toPlainString();
        }
        if (vector instanceof UInt8Vector unsigned) {
            return unsigned.getObjectNoOverflow(row).toString();
        }
        if (vector instanceof BitVector bits) {
            return bits.get(row) == 1 ? "true" : "false";
        }
        if (vector instanceof DateDayVector days) {
            return LocalDate.ofEpochDay(days.get(row)).toString();
        }
        if (vector instanceof DateMilliVector millis) {
            return LocalDate.ofEpochDay(Math.floorDiv(millis.get(row), 86_400_000L)).toString();
        }
        if (type instanceof ArrowType.Time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(Math.floorMod(timeNanos(vector, row), NANOS_PER_DAY)));
        }
        if (vector instanceof TimeStampVector timestamps) {
            return timestamp(timestamps.get(row), (ArrowType.Timestamp) type);
        }
        if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary || type instanceof ArrowType.FixedSizeBinary
                || type instanceof ArrowType.BinaryView) {
            return "0x" + HexFormat.of().formatHex((byte[]) vector.getObject(row));
        }
        return String.valueOf(vector.getObject(row));
    }

    private static long timeNanos(FieldVector vector, int row) {
        if (vector instanceof TimeSecVector seconds) {
            return seconds.get(row) * 1_000_000_000L;
        }
        if (vector instanceof TimeMilliVector millis) {
            return millis.get(row) * 1_000_000L;
        }
        if (vector instanceof TimeMicroVector micros) {
            return micros.get(row) * 1_000L;
        }
        return ((TimeNanoVector) vector).get(row);
    }

    private static String timestamp(long value, ArrowType.Timestamp type) {
        Instant instant = switch (type.getUnit()) {
            case SECOND -> Instant.ofEpochSecond(value);
            case MILLISECOND -> Instant.ofEpochMilli(value);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
        if (type.getTimezone() == null) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        return TIMESTAMP_WITH_OFFSET.format(instant.atZone(ZoneId.of(type.getTimezone())));
    }

    private static String jsonList(FieldVector elements, int start, int end) {
        StringBuilder json = new StringBuilder("[");
        for (int i = start; i < end; i++) {
            json.append(i > start ? ", " : "").append(json(elements, i));
        }
        return json.append(']').toString();
    }

    private static String jsonMap(MapVector map, int row) {
        StructVector entries = (StructVector) map.getDataVector();
        List<FieldVector> keyAndValue = entries.getChildrenFromFields();
        StringBuilder json = new StringBuilder("{");
        for (int i = map.getElementStartIndex(row); i < map.getElementEndIndex(row); i++) {
            String key = keyAndValue.get(0).isNull(i) ? "null" : text(keyAndValue.get(0), i);
            json.append(json.length() > 1 ? ", " : "").append(quote(key)).append(": ").append(json(keyAndValue.get(1), i));
        }
        return json.append('}').toString();
    }

    private static boolean isFinite(String number) {
        return !number.equals("NaN") && !number.endsWith("Infinity");
    }
}
