package io.meshgate.engine.planner;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.error.SqlPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The {@code ?} parameters of a statement: validation infers each one's type from where it stands
 * ({@code o_orderkey = ?} is a BIGINT); one whose type cannot be inferred is an INVALID_QUERY error
 * naming the parameter. Every parameter is nullable, whatever the column it compares with.
 */
final class DynamicParameters {
    private DynamicParameters() {
    }

    /** Validates {@code query}, reporting a parameter of unknown type by its number and position. */
    static SqlNode validate(SqlNode query, SqlValidator validator) {
        try {
            return validator.validate(query);
        } catch (CalciteContextException e) {
            Optional<Integer> number = parameterAt(query, e.getPosLine(), e.getPosColumn());
            if (number.isPresent() && String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
                    .startsWith("Illegal use of dynamic parameter")) {
                Optional<SqlPosition> position = e.getPosLine() >= 1 && e.getPosColumn() >= 1
                        ? Optional.of(new SqlPosition(e.getPosLine(), e.getPosColumn())) : Optional.empty();
                throw new MeshgateException(ErrorCode.INVALID_QUERY, "Cannot infer the type of parameter " + number.get()
                        + " (write CAST(? AS type))", position, e);
            }
            throw e;
        }
    }

    /** The parameters' types, by index, each made nullable (a client may bind NULL to any). */
    static RelDataType rowType(SqlNode validated, SqlValidator validator, RelDataTypeFactory typeFactory) {
        TreeMap<Integer, SqlDynamicParam> byIndex = new TreeMap<>();
        collect(validated).forEach(p -> byIndex.putIfAbsent(p.getIndex(), p));
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SqlDynamicParam param : byIndex.values()) {
            RelDataType type = typeFactory.createTypeWithNullability(validator.getValidatedNodeType(param), true);
            // SqlToRelConverter reads the type back from the validator: the plan reads a nullable value.
            validator.setValidatedNodeType(param, type);
            types.add(type);
            names.add("?" + param.getIndex());
        }
        if (!byIndex.isEmpty() && byIndex.lastKey() != byIndex.size() - 1) {
            throw new IllegalStateException("Cannot number the parameters: indexes " + byIndex.keySet());
        }
        return typeFactory.createStructType(types, names);
    }

    private static Optional<Integer> parameterAt(SqlNode query, int line, int column) {
        return collect(query).stream()
                .filter(p -> p.getParserPosition().getLineNum() == line && p.getParserPosition().getColumnNum() == column)
                .map(p -> p.getIndex() + 1)
                .findFirst();
    }

    private static List<SqlDynamicParam> collect(SqlNode node) {
        List<SqlDynamicParam> params = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                params.add(param);
                return null;
            }
        });
        return params;
    }
}
