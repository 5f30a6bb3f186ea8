package io.meshgate.engine.meta;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A column's SQL type as {@code mesh.meta.columns} names it: {@code BIGINT}, {@code DECIMAL(12,2)},
 * {@code VARCHAR}, {@code TIMESTAMP WITH TIME ZONE}, {@code ARRAY<INTEGER>},
 * {@code MAP<VARCHAR, BIGINT>}, {@code ROW(city VARCHAR, zip VARCHAR)}.
 */
final class TypeNames {
    private TypeNames() {
    }

    static String of(Field field) {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Bool -> "BOOLEAN";
            case Int -> switch (((ArrowType.Int) type).getBitWidth()) {
                case 8 -> "TINYINT";
                case 16 -> "SMALLINT";
                case 32 -> "INTEGER";
                default -> "BIGINT";
            };
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE ? "DOUBLE" : "REAL";
            case Decimal -> "DECIMAL(" + ((ArrowType.Decimal) type).getPrecision() + "," + ((ArrowType.Decimal) type).getScale() + ")";
            case Utf8, LargeUtf8 -> "VARCHAR";
            case Binary, LargeBinary -> "VARBINARY";
            case FixedSizeBinary -> "BINARY(" + ((ArrowType.FixedSizeBinary) type).getByteWidth() + ")";
            case Date -> "DATE";
            case Time -> "TIME";
            case Timestamp -> ((ArrowType.Timestamp) type).getTimezone() == null ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE";
            case List, LargeList, FixedSizeList -> "ARRAY<" + of(field.getChildren().get(0)) + ">";
            case Map -> {
                Field entries = field.getChildren().get(0);
                yield "MAP<" + of(entries.getChildren().get(0)) + ", " + of(entries.getChildren().get(1)) + ">";
            }
            case Struct -> field.getChildren().stream().map(child -> child.getName() + " " + of(child))
                    .collect(Collectors.joining(", ", "ROW(", ")"));
            default -> type.getTypeID().name().toUpperCase(Locale.ROOT);
        };
    }
}
