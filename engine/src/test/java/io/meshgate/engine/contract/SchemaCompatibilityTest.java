package io.meshgate.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The three compatibility modes of a schema contract against a table's current schema. The
 * contract promises {@code id bigint not null, price decimal(12,2), comment varchar,
 * address row(city varchar, zip varchar not null)}.
 */
class SchemaCompatibilityTest {
    private static final Map<String, String> CONTRACT = columns(
            "id", "bigint not null", "price", "decimal(12,2)", "comment", "varchar", "address", "row(city varchar, zip varchar not null)");

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }

    private static List<String> violations(Compatibility mode, Map<String, String> current) {
        List<ContractColumn> contract = new ArrayList<>();
        CONTRACT.forEach((name, type) -> contract.add(ColumnTypes.parseColumn(name, type)));
        List<Field> fields = new ArrayList<>();
        current.forEach((name, type) -> fields.add(field(ColumnTypes.parseColumn(name, type))));
        return SchemaCompatibility.violations(new SchemaContract(mode, contract), new Schema(fields));
    }

    /** The Arrow field a connector would give for a column of this type. */
    private static Field field(ContractColumn column) {
        FieldType nullability = new FieldType(!column.required(), arrowType(column.type()), null);
        List<Field> children = column.type() instanceof ColumnType.Row row ? row.fields().stream().map(SchemaCompatibilityTest::field).toList() : null;
        return new Field(column.name(), nullability, children);
    }

    private static ArrowType arrowType(ColumnType type) {
        if (type instanceof ColumnType.Decimal d) {
            return new ArrowType.Decimal(d.precision(), d.scale(), 128);
        }
        if (type instanceof ColumnType.Row) {
            return ArrowType.Struct.INSTANCE;
        }
        return switch (type.toString()) {
            case "integer" -> new ArrowType.Int(32, true);
            case "bigint" -> new ArrowType.Int(64, true);
            case "varchar" -> ArrowType.Utf8.INSTANCE;
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    @Test
    void theSameSchemaHoldsInEveryMode() {
        for (Compatibility mode : Compatibility.values()) {
            assertEquals(List.of(), violations(mode, CONTRACT), mode.name());
        }
    }

    @Test
    void backwardAllowsAddedColumnsAndWideningButNotMissingOrNarrowedOnes() {
        Map<String, String> current = columns("id", "bigint not null", "price", "decimal(15,2)", "address", "row(city varchar, zip varchar not null, country varchar)",
                "added", "varchar not null");
        assertEquals(List.of("comment is missing (the contract declares varchar)"), violations(Compatibility.BACKWARD, current));
        Map<String, String> narrowed = columns("id", "integer not null", "price", "decimal(12,3)", "comment", "varchar",
                "address", "row(city varchar, zip varchar)");
        assertEquals(List.of(
                "id is integer now; the contract declares bigint (only the same type or a widening of it is compatible)",
                "price is decimal(12,3) now; the contract declares decimal(12,2) (only the same type or a widening of it is compatible)",
                "address.zip is nullable now; the contract declares it not null"), violations(Compatibility.BACKWARD, narrowed));
    }

    @Test
    void forwardAllowsDroppedAndOptionalColumnsButNotNewRequiredOnes() {
        Map<String, String> current = columns("id", "bigint not null", "price", "decimal(12,2)", "extra", "varchar",
                "address", "row(city varchar, zip varchar not null, country varchar not null)", "added", "bigint not null", "comment", "varchar not null");
        assertEquals(List.of(
                "comment is required now; the contract allows NULLs (declare it not null)",
                "address.country is required now (varchar not null) and not in the contract",
                "added is required now (bigint not null) and not in the contract"), violations(Compatibility.FORWARD, current));
        assertEquals(List.of(), violations(Compatibility.FORWARD, columns("id", "bigint not null", "extra", "varchar")),
                "columns the table dropped do not break forward compatibility");
    }

    @Test
    void fullIsBothBackwardAndForward() {
        Map<String, String> current = columns("id", "bigint not null", "price", "decimal(12,2)", "address", "row(city varchar, zip varchar not null)",
                "added", "bigint not null");
        assertEquals(List.of("comment is missing (the contract declares varchar)", "added is required now (bigint not null) and not in the contract"),
                violations(Compatibility.FULL, current));
    }

    @Test
    void aColumnOfAnotherKindIsIncompatible() {
        Map<String, String> current = columns("id", "bigint not null", "price", "decimal(12,2)", "comment", "varchar", "address", "varchar");
        assertEquals(List.of("address is varchar now; the contract declares row(city varchar, zip varchar not null)"
                + " (only the same type or a widening of it is compatible)"), violations(Compatibility.BACKWARD, current));
    }
}
