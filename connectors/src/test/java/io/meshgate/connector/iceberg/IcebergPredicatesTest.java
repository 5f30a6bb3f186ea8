package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanPredicate.And;
import io.meshgate.spi.ScanPredicate.Comparison;
import io.meshgate.spi.ScanPredicate.In;
import io.meshgate.spi.ScanPredicate.IsNull;
import io.meshgate.spi.ScanPredicate.Not;
import io.meshgate.spi.ScanPredicate.Operator;
import io.meshgate.spi.ScanPredicate.Or;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The predicate converter keeps what it can convert exactly and never narrows the predicate. */
class IcebergPredicatesTest {
    static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "i", Types.IntegerType.get()),
            Types.NestedField.required(2, "l", Types.LongType.get()),
            Types.NestedField.optional(3, "f", Types.FloatType.get()),
            Types.NestedField.optional(4, "price", Types.DecimalType.of(12, 2)),
            Types.NestedField.optional(5, "day", Types.DateType.get()),
            Types.NestedField.optional(6, "ts", Types.TimestampType.withoutZone()),
            Types.NestedField.optional(7, "tstz", Types.TimestampType.withZone()),
            Types.NestedField.optional(8, "s", Types.StringType.get()),
            Types.NestedField.optional(9, "tags", Types.ListType.ofOptional(10, Types.StringType.get())));

    static String convert(ScanPredicate predicate) {
        return IcebergPredicates.toExpression(predicate, SCHEMA).map(Expression::toString).orElse("<dropped>");
    }

    static Comparison eq(String column, Object value) {
        return new Comparison(column, Operator.EQUAL, value);
    }

    @Test
    void comparisonsUseEachOperator() {
        assertEquals("ref(name=\"i\") == 5", convert(eq("i", 5)));
        assertEquals("ref(name=\"i\") != 5", convert(new Comparison("i", Operator.NOT_EQUAL, 5)));
        assertEquals("ref(name=\"i\") < 5", convert(new Comparison("i", Operator.LESS_THAN, 5)));
        assertEquals("ref(name=\"i\") <= 5", convert(new Comparison("i", Operator.LESS_THAN_OR_EQUAL, 5)));
        assertEquals("ref(name=\"i\") > 5", convert(new Comparison("i", Operator.GREATER_THAN, 5)));
        assertEquals("ref(name=\"i\") >= 5", convert(new Comparison("i", Operator.GREATER_THAN_OR_EQUAL, 5)));
    }

    @Test
    void literalsTakeTheColumnsType() {
        assertEquals(Optional.of(5), IcebergPredicates.literal(5L, SCHEMA.findType("i")));
        assertEquals(Optional.of(5L), IcebergPredicates.literal(5, SCHEMA.findType("l")));
        assertEquals(Optional.of(19723), IcebergPredicates.literal(LocalDate.of(2024, 1, 1), SCHEMA.findType("day")));
        assertEquals(Optional.of(1_000_001L), IcebergPredicates.literal(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 1000), SCHEMA.findType("ts")));
        assertEquals(Optional.of(new BigDecimal("12.50")), IcebergPredicates.literal(new BigDecimal("12.5"), SCHEMA.findType("price")));
        assertEquals(Optional.of(new BigDecimal("7.00")), IcebergPredicates.literal(7, SCHEMA.findType("price")));
        assertEquals(Optional.of(0.5f), IcebergPredicates.literal(0.5, SCHEMA.findType("f")));
    }

    @Test
    void inexactLiteralsAreDropped() {
        assertEquals("<dropped>", convert(eq("i", 1L << 40)));
        assertEquals("<dropped>", convert(eq("price", new BigDecimal("12.345"))));
        assertEquals("<dropped>", convert(eq("f", 0.1)));
        assertEquals("<dropped>", convert(eq("tstz", LocalDateTime.of(2024, 1, 1, 0, 0))));
        assertEquals("<dropped>", convert(eq("s", 5)));
        assertEquals("<dropped>", convert(eq("day", "2024-01-01")));
    }

    @Test
    void unknownAndNestedColumnsAreDropped() {
        assertEquals("<dropped>", convert(eq("nope", 1)));
        assertEquals("<dropped>", convert(new IsNull("tags")));
    }

    @Test
    void inAndIsNullConvert() {
        assertEquals("ref(name=\"s\") in (\"a\", \"b\")", convert(new In("s", List.of("a", "b"))));
        assertEquals("<dropped>", convert(new In("s", List.of("a", 1))));
        assertEquals("is_null(ref(name=\"s\"))", convert(new IsNull("s")));
    }

    @Test
    void andDropsOnlyTheUnconvertibleConjunct() {
        assertEquals("(ref(name=\"i\") == 1 and ref(name=\"s\") == \"x\")",
                convert(new And(List.of(eq("i", 1), eq("nope", 2), eq("s", "x")))));
        assertEquals("ref(name=\"i\") == 1", convert(new And(List.of(eq("i", 1), eq("nope", 2)))));
        assertEquals("<dropped>", convert(new And(List.of(eq("nope", 1), eq("nope", 2)))));
        assertEquals("ref(name=\"i\") == 1",
                convert(new And(List.of(new And(List.of(eq("i", 1), eq("nope", 2))), eq("f", 0.1)))));
    }

    @Test
    void orWithAnUnconvertiblePartIsDroppedWhole() {
        assertEquals("(ref(name=\"i\") == 1 or ref(name=\"i\") == 2)", convert(new Or(List.of(eq("i", 1), eq("i", 2)))));
        assertEquals("<dropped>", convert(new Or(List.of(eq("i", 1), eq("nope", 2)))));
        assertEquals("<dropped>", convert(new Or(List.of(eq("i", 1), new And(List.of(eq("i", 2), eq("nope", 3)))))));
    }

    @Test
    void notWithAnUnconvertiblePartIsDroppedWhole() {
        assertEquals("not(ref(name=\"i\") == 1)", convert(new Not(eq("i", 1))));
        assertEquals("<dropped>", convert(new Not(new And(List.of(eq("i", 1), eq("nope", 2))))));
        assertTrue(convert(new Not(new Or(List.of(eq("i", 1), eq("s", "a"))))).startsWith("not("));
    }
}
