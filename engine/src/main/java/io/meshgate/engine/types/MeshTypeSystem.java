package io.meshgate.engine.types;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Meshgate's SQL type rules where they differ from Calcite's defaults: decimals hold up to 38
 * digits (as Iceberg and Arrow do, where Calcite stops at 19), so sums widen to 38 digits; and the
 * average of a decimal has 38 digits with at least six decimal places instead of the input's type,
 * so {@code avg} of money is not cut to cents and the sum it is computed from does not overflow.
 */
public final class MeshTypeSystem extends RelDataTypeSystemImpl {
    public static final MeshTypeSystem INSTANCE = new MeshTypeSystem();

    private static final int MAX_DECIMAL_DIGITS = 38;
    private static final int MIN_AVERAGE_SCALE = 6;

    private MeshTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_DIGITS : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_DIGITS : super.getMaxScale(typeName);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL || argumentType.getScale() >= MIN_AVERAGE_SCALE) {
            return super.deriveAvgAggType(typeFactory, argumentType);
        }
        RelDataType average = typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_DIGITS, MIN_AVERAGE_SCALE);
        return typeFactory.createTypeWithNullability(average, argumentType.isNullable());
    }
}
