package io.meshgate.connector.iceberg;

import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts Iceberg schemas and partition specs to what the connector SPI shows. UUID columns become
 * {@code Utf8} in the canonical lower-case 36-character form, which every client can show, compare
 * and filter by (as Trino's JDBC driver and Spark show them). A struct becomes an Arrow struct whose
 * children carry their own field ids, a list an Arrow list of {@code element}, a map an Arrow map of
 * {@code entries} structs of {@code key} and {@code value}. Column docs and identifier fields travel
 * as field metadata ({@link TableMetadata#COMMENT}, {@link TableMetadata#IDENTIFIER}).
 */
final class IcebergSchemas {
    private IcebergSchemas() {
    }

    static org.apache.arrow.vector.types.pojo.Schema toArrow(Schema schema) {
        List<Field> fields = new ArrayList<>();
        for (Types.NestedField column : schema.columns()) {
            Field field = toArrow(column);
            if (schema.identifierFieldIds().contains(column.fieldId())) {
                Map<String, String> metadata = new HashMap<>(field.getMetadata());
                metadata.put(TableMetadata.IDENTIFIER, "true");
                field = new Field(field.getName(), new FieldType(field.isNullable(), field.getType(), null, metadata), field.getChildren());
            }
            fields.add(field);
        }
        return new org.apache.arrow.vector.types.pojo.Schema(fields);
    }

    /** The column as an Arrow field that carries its Iceberg field id and doc ({@link TableMetadata#FIELD_ID}, {@link TableMetadata#COMMENT}). */
    static Field toArrow(Types.NestedField field) {
        Field plain = toArrow(field.name(), field.isOptional(), field.type());
        Map<String, String> metadata = new HashMap<>();
        metadata.put(TableMetadata.FIELD_ID, Integer.toString(field.fieldId()));
        if (field.doc() != null && !field.doc().isBlank()) {
            metadata.put(TableMetadata.COMMENT, field.doc());
        }
        FieldType type = new FieldType(plain.isNullable(), plain.getType(), null, metadata);
        return new Field(plain.getName(), type, plain.getChildren());
    }

    private static Field toArrow(String name, boolean nullable, Type type) {
        return switch (type.typeId()) {
            case LIST -> {
                Types.ListType list = type.asListType();
                yield new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
                        List.of(toArrow("element", list.isElementOptional(), list.elementType())));
            }
            case MAP -> {
                Types.MapType map = type.asMapType();
                Field entries = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(
                        toArrow("key", false, map.keyType()),
                        toArrow("value", map.isValueOptional(), map.valueType())));
                yield new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entries));
            }
            case STRUCT -> {
                List<Field> children = new ArrayList<>();
                for (Types.NestedField child : type.asStructType().fields()) {
                    children.add(toArrow(child));
                }
                yield new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
            }
            default -> new Field(name, new FieldType(nullable, primitive(type), null), List.of());
        };
    }

    private static ArrowType primitive(Type type) {
        return switch (type.typeId()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case INTEGER -> new ArrowType.Int(32, true);
            case LONG -> new ArrowType.Int(64, true);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> {
                Types.DecimalType decimal = (Types.DecimalType) type;
                yield new ArrowType.Decimal(decimal.precision(), decimal.scale(), 128);
            }
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND,
                    ((Types.TimestampType) type).shouldAdjustToUTC() ? "UTC" : null);
            case STRING -> ArrowType.Utf8.INSTANCE;
            case UUID -> ArrowType.Utf8.INSTANCE;
            case FIXED -> new ArrowType.FixedSizeBinary(((Types.FixedType) type).length());
            case BINARY -> ArrowType.Binary.INSTANCE;
            default -> throw new IllegalArgumentException("Cannot convert Iceberg type " + type + " to Arrow");
        };
    }

    /** The spec's fields as text: {@code o_orderkey}, {@code month(o_orderdate)}, {@code bucket(16, c_custkey)}. */
    static List<String> partitioning(PartitionSpec spec, Schema schema) {
        List<String> fields = new ArrayList<>();
        for (PartitionField field : spec.fields()) {
            String source = java.util.Objects.requireNonNullElse(schema.findColumnName(field.sourceId()), "#" + field.sourceId());
            String transform = field.transform().toString();
            int bracket = transform.indexOf('[');
            if (transform.equals("identity")) {
                fields.add(source);
            } else if (bracket > 0 && transform.endsWith("]")) {
                fields.add(transform.substring(0, bracket) + "(" + transform.substring(bracket + 1, transform.length() - 1)
                        + ", " + source + ")");
            } else {
                fields.add(transform + "(" + source + ")");
            }
        }
        return fields;
    }
}
