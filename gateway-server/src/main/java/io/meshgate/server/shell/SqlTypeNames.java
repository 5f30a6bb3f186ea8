package io.meshgate.server.shell;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** The SQL name of a column's Arrow type, as {@code \d} shows it ({@code bigint}, {@code decimal(12,2)}, {@code row(city varchar)}). */
public final class SqlTypeNames {
    private SqlTypeNames() {
    }

    public static String of(Field field) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Int integer) {
            String name = switch (integer.getBitWidth()) {
                case 8 -> "tinyint";
                case 16 -> "smallint";
                case 32 -> "integer";
                default -> "bigint";
            };
            return integer.getIsSigned() ? name : name + " unsigned";
        }
        if (type instanceof ArrowType.FloatingPoint floating) {
            return floating.getPrecision() == FloatingPointPrecision.DOUBLE ? "double" : "real";
        }
        if (type instanceof ArrowType.Decimal decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.Utf8View) {
            return "varchar";
        }
        if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary || type instanceof ArrowType.BinaryView) {
            return "varbinary";
        }
        if (type instanceof ArrowType.FixedSizeBinary binary) {
            return "binary(" + binary.getByteWidth() + ")";
        }
        if (type instanceof ArrowType.Bool) {
            return "boolean";
        }
        if (type instanceof ArrowType.Date) {
            return "date";
        }
        if (type instanceof ArrowType.Time) {
            return "time";
        }
        if (type instanceof ArrowType.Timestamp timestamp) {
            return timestamp.getTimezone() == null ? "timestamp" : "timestamp with time zone";
        }
        if (type instanceof ArrowType.Map) {
            Field entries = field.getChildren().get(0);
            return "map(" + of(entries.getChildren().get(0)) + ", " + of(entries.getChildren().get(1)) + ")";
        }
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList || type instanceof ArrowType.FixedSizeList) {
            return "array(" + of(field.getChildren().get(0)) + ")";
        }
        if (type instanceof ArrowType.Struct) {
            return field.getChildren().stream().map(child -> child.getName() + " " + of(child))
                    .collect(Collectors.joining(", ", "row(", ")"));
        }
        return type.toString().toLowerCase(Locale.ROOT);
    }
}
