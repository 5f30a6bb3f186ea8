package io.meshgate.engine.types;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The mapping between Arrow types (what connectors return and what clients receive) and Calcite's
 * SQL types (what the planner reasons about). Both directions are closed lists: a type outside them
 * is reported as {@link ErrorCode#NOT_SUPPORTED}. An Arrow struct is a Calcite ROW of its children,
 * a list an ARRAY of its element type and a map a MAP of its key and value types, in both directions
 * and at any depth; fixed-size binary is BINARY(n) and binary VARBINARY.
 *
 * <p>Times and timestamps are held by Calcite in milliseconds, so they are TIME(3) and TIMESTAMP(3)
 * in the planner; results carry them as Arrow's microsecond types (what Iceberg stores and what
 * Trino and pyarrow users expect), with the sub-millisecond digits zero.
 */
public final class ArrowTypes {
    private ArrowTypes() {
    }

    /** The Calcite row type of a table whose columns have the given Arrow schema. */
    public static RelDataType toRowType(Schema schema, RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (Field field : schema.getFields()) {
            builder.add(field.getName(), toSqlType(field, typeFactory));
        }
        return builder.build();
    }

    /** The Calcite type of one Arrow column, with its nullability. */
    public static RelDataType toSqlType(Field field, RelDataTypeFactory typeFactory) {
        return toSqlType(field, field.getName(), typeFactory);
    }

    /** {@code path} names the field in errors: the column, then the struct fields down to this one. */
    private static RelDataType toSqlType(Field field, String path, RelDataTypeFactory typeFactory) {
        RelDataType type = switch (field.getType().getTypeID()) {
            case Int -> integerType((ArrowType.Int) field.getType(), field, path, typeFactory);
            case FloatingPoint -> switch (((ArrowType.FloatingPoint) field.getType()).getPrecision()) {
                case SINGLE -> typeFactory.createSqlType(SqlTypeName.REAL);
                case DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
                case HALF -> throw unsupportedColumn(field, path);
            };
            case Decimal -> {
                ArrowType.Decimal decimal = (ArrowType.Decimal) field.getType();
                yield typeFactory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(), decimal.getScale());
            }
            case Utf8, LargeUtf8 -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case Bool -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case Date -> typeFactory.createSqlType(SqlTypeName.DATE);
            case Time -> typeFactory.createSqlType(SqlTypeName.TIME, 3);
            case Timestamp -> ((ArrowType.Timestamp) field.getType()).getTimezone() == null
                    ? typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3)
                    : typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
            case Struct -> structType(field, path, typeFactory);
            case List, LargeList -> typeFactory.createArrayType(toSqlType(onlyChild(field, path), path + "[]", typeFactory), -1);
            case Map -> mapType(field, path, typeFactory);
            case FixedSizeBinary -> typeFactory.createSqlType(SqlTypeName.BINARY, ((ArrowType.FixedSizeBinary) field.getType()).getByteWidth());
            case Binary, LargeBinary -> typeFactory.createSqlType(SqlTypeName.VARBINARY);
            default -> throw unsupportedColumn(field, path);
        };
        return typeFactory.createTypeWithNullability(type, field.isNullable());
    }

    /**
     * A struct as a Calcite ROW whose fields are named through the column ({@code t.address.city});
     * a nullable struct has nullable fields, as a NULL struct has NULL fields.
     */
    private static RelDataType structType(Field field, String path, RelDataTypeFactory typeFactory) {
        if (field.getChildren().isEmpty()) {
            throw unsupportedColumn(field, path);
        }
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field child : field.getChildren()) {
            names.add(child.getName());
            types.add(toSqlType(child, path + "." + child.getName(), typeFactory));
        }
        return typeFactory.createStructType(StructKind.FULLY_QUALIFIED, types, names);
    }

    /** A map's single child is its non-null {@code entries} struct of {@code key} and {@code value}. */
    private static RelDataType mapType(Field field, String path, RelDataTypeFactory typeFactory) {
        Field entries = onlyChild(field, path);
        if (entries.getChildren().size() != 2) {
            throw unsupportedColumn(field, path);
        }
        RelDataType key = toSqlType(entries.getChildren().get(0), path + ".key", typeFactory);
        RelDataType value = toSqlType(entries.getChildren().get(1), path + ".value", typeFactory);
        return typeFactory.createMapType(key, value);
    }

    private static Field onlyChild(Field field, String path) {
        if (field.getChildren().size() != 1) {
            throw unsupportedColumn(field, path);
        }
        return field.getChildren().get(0);
    }

    /**
     * The Arrow schema of a result whose Calcite row type is {@code rowType}, with the given column
     * names (made unique by suffixing {@code _2}, {@code _3}, ... where a name repeats).
     */
    public static Schema toArrowSchema(RelDataType rowType, List<String> names) {
        List<RelDataTypeField> fields = rowType.getFieldList();
        if (fields.size() != names.size()) {
            throw new IllegalArgumentException("Cannot build result schema: " + fields.size() + " columns but " + names.size() + " names");
        }
        List<Field> arrowFields = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = names.get(i);
            String unique = name;
            for (int n = 2; !used.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
                unique = name + "_" + n;
            }
            arrowFields.add(toArrowField(unique, fields.get(i).getType()));
        }
        return new Schema(arrowFields);
    }

    /** The Arrow field for a result column of the given Calcite type. */
    public static Field toArrowField(String name, RelDataType type) {
        if (type.isStruct()) {
            List<Field> children = new ArrayList<>();
            for (RelDataTypeField child : type.getFieldList()) {
                children.add(toArrowField(child.getName(), child.getType()));
            }
            return new Field(name, new FieldType(type.isNullable(), ArrowType.Struct.INSTANCE, null), children);
        }
        if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
            return new Field(name, new FieldType(type.isNullable(), ArrowType.List.INSTANCE, null),
                    List.of(toArrowField("element", type.getComponentType())));
        }
        if (type.getSqlTypeName() == SqlTypeName.MAP) {
            Field key = toArrowField("key", type.getKeyType());
            Field nonNullKey = new Field(key.getName(), new FieldType(false, key.getType(), null), key.getChildren());
            Field entries = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null),
                    List.of(nonNullKey, toArrowField("value", type.getValueType())));
            return new Field(name, new FieldType(type.isNullable(), new ArrowType.Map(false), null), List.of(entries));
        }
        ArrowType arrowType = switch (type.getSqlTypeName()) {
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INTEGER -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case REAL -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT, DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> new ArrowType.Decimal(type.getPrecision(), type.getScale(), 128);
            case CHAR, VARCHAR, NULL -> ArrowType.Utf8.INSTANCE;
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case BINARY -> new ArrowType.FixedSizeBinary(type.getPrecision());
            case VARBINARY -> ArrowType.Binary.INSTANCE;
            default -> throw new MeshgateException(ErrorCode.NOT_SUPPORTED,
                    "Cannot return column '" + name + "' of type " + type.getSqlTypeName() + " (cast it to a supported type such as VARCHAR)");
        };
        return new Field(name, new FieldType(type.isNullable(), arrowType, null), List.of());
    }

    private static RelDataType integerType(ArrowType.Int intType, Field field, String path, RelDataTypeFactory typeFactory) {
        if (!intType.getIsSigned()) {
            throw unsupportedColumn(field, path);
        }
        return switch (intType.getBitWidth()) {
            case 8 -> typeFactory.createSqlType(SqlTypeName.TINYINT);
            case 16 -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case 32 -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case 64 -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            default -> throw unsupportedColumn(field, path);
        };
    }

    private static MeshgateException unsupportedColumn(Field field, String path) {
        return new MeshgateException(ErrorCode.NOT_SUPPORTED,
                "Cannot read column '" + path + "': type " + field.getType() + " is not supported yet");
    }
}
