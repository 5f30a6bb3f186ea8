package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/** Contract type texts and Arrow fields read as the same column types, so that a schema contract compares like with like. */
class ColumnTypesTest {
    private static String canonical(String text) {
        return ColumnTypes.parseColumn("c", text).typeText();
    }

    private static String problem(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ColumnTypes.parseColumn("c", text)).getMessage();
    }

    @Test
    void aliasesAndCaseReadAsTheCanonicalNames() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("INT", "integer"), Map.entry("long", "bigint"), Map.entry("string", "varchar"), Map.entry("Text", "varchar"),
                Map.entry("float", "real"), Map.entry("double precision", "double"), Map.entry("bool", "boolean"),
                Map.entry("timestamptz", "timestamp with time zone"), Map.entry("TIMESTAMP WITH TIME ZONE", "timestamp with time zone"),
                Map.entry("timestamp without time zone", "timestamp"), Map.entry("binary", "varbinary"), Map.entry("binary(16)", "binary(16)"),
                Map.entry("numeric( 12 , 2 )", "decimal(12,2)"), Map.entry("bigint NOT NULL", "bigint not null"));
        cases.forEach((text, expected) -> assertEquals(expected, canonical(text), text));
    }

    @Test
    void nestedTypesReadAndPrintCanonically() {
        String text = "row(city varchar, zip string not null, geo struct(lat double not null, \"lon gitude\" double), tags array(varchar),"
                + " attrs map(varchar, decimal(5,1))) not null";
        String canonical = "row(city varchar, zip varchar not null, geo row(lat double not null, \"lon gitude\" double), tags array(varchar),"
                + " attrs map(varchar, decimal(5,1))) not null";
        assertEquals(canonical, canonical(text));
        assertEquals(canonical, canonical(canonical), "the canonical text reads as itself");
    }

    @Test
    void mistakesAreExplainedWithTheirPosition() {
        assertEquals("unknown type 'bigdecimal' (use boolean, tinyint, smallint, integer, bigint, real, double, decimal(p,s), varchar,"
                + " varbinary, binary(n), date, time, timestamp, timestamp with time zone, array(t), map(k, v) or row(name t, ...))"
                + " at position 1 of 'bigdecimal'", problem("bigdecimal"));
        assertEquals("decimal needs a precision and a scale, such as decimal(12,2) at position 8 of 'decimal'", problem("decimal"));
        assertEquals("cannot use decimal(40,2): the precision must be 1 to 38 and the scale 0 to the precision", problem("decimal(40,2)"));
        assertEquals("'varchar' takes no parameters (write varchar) at position 8 of 'varchar(20)'", problem("varchar(20)"));
        assertEquals("expected 'null' after 'not' at position 11 of 'bigint not nul'", problem("bigint not nul"));
        assertEquals("unexpected 'primary key' at position 8 of 'bigint primary key'", problem("bigint primary key"));
        assertEquals("expected ')' at position 14 of 'array(varchar, bigint)'", problem("array(varchar, bigint)"));
        assertEquals("cannot use a row type: field 'a' appears twice", problem("row(a int, a bigint)"));
        assertEquals("expected a type name, the text ends at position 1 of ''", problem(""));
    }

    @Test
    void arrowFieldsReadAsContractTypes() {
        Field struct = new Field("address", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                new Field("city", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                new Field("zip", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null)));
        Field list = new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
                new Field("element", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        Field map = new Field("attrs", FieldType.nullable(new ArrowType.Map(false)), List.of(
                new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                        new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                        new Field("value", FieldType.nullable(new ArrowType.Decimal(12, 2, 128)), null)))));
        assertEquals("row(city varchar, zip varchar not null)", ColumnTypes.fromArrow(struct).typeText());
        assertEquals("array(bigint)", ColumnTypes.fromArrow(list).typeText());
        assertEquals("map(varchar, decimal(12,2))", ColumnTypes.fromArrow(map).typeText());
        assertEquals("integer not null", ColumnTypes.fromArrow(new Field("i", FieldType.notNullable(new ArrowType.Int(32, true)), null)).typeText());
        assertEquals("real", ColumnTypes.fromArrow(Field.nullable("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))).typeText());
        assertEquals("date", ColumnTypes.fromArrow(Field.nullable("d", new ArrowType.Date(DateUnit.DAY))).typeText());
        assertEquals("timestamp with time zone", ColumnTypes.fromArrow(Field.nullable("t", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))).typeText());
        assertEquals("timestamp", ColumnTypes.fromArrow(Field.nullable("t", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null))).typeText());
        assertEquals("binary(16)", ColumnTypes.fromArrow(Field.nullable("b", new ArrowType.FixedSizeBinary(16))).typeText());
        assertTrue(ColumnTypes.fromArrow(Field.nullable("u", new ArrowType.Int(32, false))).type() instanceof ColumnType.Unsupported,
                "an unsigned integer has no contract type");
    }

    @Test
    void onlyLosslessWideningsWiden() {
        ColumnType.Primitive integer = new ColumnType.Primitive("integer");
        ColumnType.Primitive bigint = new ColumnType.Primitive("bigint");
        assertTrue(bigint.widens(integer));
        assertFalse(integer.widens(bigint));
        assertTrue(new ColumnType.Primitive("double").widens(new ColumnType.Primitive("real")));
        assertFalse(new ColumnType.Primitive("double").widens(bigint), "a double cannot hold every bigint");
        assertTrue(new ColumnType.Decimal(15, 2).widens(new ColumnType.Decimal(12, 2)));
        assertFalse(new ColumnType.Decimal(15, 3).widens(new ColumnType.Decimal(12, 2)), "a change of scale is no widening");
        assertFalse(new ColumnType.Decimal(10, 2).widens(new ColumnType.Decimal(12, 2)));
    }
}
