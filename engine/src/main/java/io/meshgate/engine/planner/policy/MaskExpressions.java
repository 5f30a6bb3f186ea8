package io.meshgate.engine.planner.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.model.Mask;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns a {@link Mask} on one raw column into the expression that shows it (R6). The result has
 * the column's type, made nullable; which masks fit which column kinds was checked when the
 * access decision was made, and a mask whose value cannot be cast to the column's type (a text
 * CONSTANT or CUSTOM mask on an array or map column) is refused again here, failing closed.
 */
final class MaskExpressions {
    /** What REDACT shows in a text column. */
    static final String REDACTED = "REDACTED";

    private static final SqlFunction SHOW_LAST_N = udf("MASK_SHOW_LAST_N", "showLastN", String.class, Integer.class);
    private static final SqlFunction SHOW_FIRST_N = udf("MASK_SHOW_FIRST_N", "showFirstN", String.class, Integer.class);
    private static final SqlFunction EMAIL_DOMAIN = udf("MASK_EMAIL_DOMAIN", "emailDomain", String.class);
    private static final SqlFunction HMAC = udf("MASK_HASH", "hmac", String.class, String.class);

    private final RexBuilder rexBuilder;
    private final PolicyExpressions expressions;
    private final HashKey hashKey;

    MaskExpressions(RexBuilder rexBuilder, PolicyExpressions expressions, HashKey hashKey) {
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
        this.expressions = requireNonNull(expressions, "expressions is null");
        this.hashKey = requireNonNull(hashKey, "hashKey is null");
        MaskFunctions.registerHashKey(hashKey);
    }

    /** {@code raw} shown through {@code mask}, typed as {@code type} (the column's type, nullable). */
    RexNode apply(Mask mask, RexNode raw, RelDataType type) {
        RexNode shown = switch (mask.function()) {
            case NONE -> raw;
            case SHOW_LAST_N -> string(SHOW_LAST_N, raw, n(mask));
            case SHOW_FIRST_N -> string(SHOW_FIRST_N, raw, n(mask));
            case EMAIL_DOMAIN -> string(EMAIL_DOMAIN, raw);
            case HASH -> string(HMAC, raw, rexBuilder.makeLiteral(hashKey.id()));
            case DATE_YEAR_ONLY -> rexBuilder.makeCall(SqlStdOperatorTable.FLOOR, raw, rexBuilder.makeFlag(TimeUnitRange.YEAR));
            case ROUND_TO -> rexBuilder.makeCall(SqlStdOperatorTable.ROUND, raw, n(mask));
            case REDACT -> nullStaysNull(raw, redacted(type));
            case NULLIFY -> rexBuilder.makeNullLiteral(type);
            case CONSTANT -> expressions.compile(mask.text().orElseThrow());
            case CUSTOM -> expressions.compile(mask.text().orElseThrow());
        };
        if (!canShow(type, shown.getType())) {
            throw new PolicyExpressionException("a " + mask.function() + " mask of type " + shown.getType().getSqlTypeName()
                    + " cannot show a column of type " + type.getSqlTypeName());
        }
        return rexBuilder.makeCast(type, shown, true, false);
    }

    /**
     * Whether a mask's value of type {@code shown} can stand for a column of type {@code column}:
     * NULL always; an array, map or struct only as one of the same kind whose parts can (Calcite
     * would accept a text for them here and fail when the code is generated); anything else as
     * Calcite casts it.
     */
    static boolean canShow(RelDataType column, RelDataType shown) {
        if (shown.getSqlTypeName() == SqlTypeName.NULL) {
            return true;
        }
        boolean nested = isNested(column) || isNested(shown);
        if (!nested) {
            return SqlTypeUtil.canCastFrom(column, shown, false);
        }
        if (column.getSqlTypeName() != shown.getSqlTypeName()) {
            return false;
        }
        return switch (column.getSqlTypeName()) {
            case ARRAY, MULTISET -> canShow(column.getComponentType(), shown.getComponentType());
            case MAP -> canShow(column.getKeyType(), shown.getKeyType()) && canShow(column.getValueType(), shown.getValueType());
            default -> column.getFieldCount() == shown.getFieldCount() && IntStream.range(0, column.getFieldCount())
                    .allMatch(i -> canShow(column.getFieldList().get(i).getType(), shown.getFieldList().get(i).getType()));
        };
    }

    private static boolean isNested(RelDataType type) {
        return type.isStruct() || type.getSqlTypeName() == SqlTypeName.ARRAY || type.getSqlTypeName() == SqlTypeName.MAP
                || type.getSqlTypeName() == SqlTypeName.MULTISET;
    }

    private RexNode n(Mask mask) {
        return rexBuilder.makeExactLiteral(BigDecimal.valueOf(mask.n().orElseThrow(
                () -> new PolicyExpressionException("the " + mask.function() + " mask needs n"))));
    }

    private RexNode string(SqlFunction function, RexNode... operands) {
        RelDataTypeFactory types = rexBuilder.getTypeFactory();
        RelDataType varchar = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true);
        return rexBuilder.makeCall(varchar, function, Arrays.asList(operands));
    }

    private RexNode nullStaysNull(RexNode raw, RexNode replacement) {
        return rexBuilder.makeCall(SqlStdOperatorTable.CASE, rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, raw),
                rexBuilder.makeNullLiteral(replacement.getType()), replacement);
    }

    /** A fixed value of the column's type: a marker text, zero, the epoch, false. */
    private RexNode redacted(RelDataType type) {
        RelDataTypeFactory types = rexBuilder.getTypeFactory();
        RexNode value = switch (type.getSqlTypeName().getFamily() == null ? SqlTypeFamily.ANY : type.getSqlTypeName().getFamily()) {
            case CHARACTER -> rexBuilder.makeLiteral(REDACTED);
            case NUMERIC -> rexBuilder.makeExactLiteral(BigDecimal.ZERO);
            case DATE -> rexBuilder.makeDateLiteral(new DateString(1970, 1, 1));
            case TIMESTAMP -> rexBuilder.makeTimestampLiteral(new TimestampString(1970, 1, 1, 0, 0, 0), 6);
            case BOOLEAN -> rexBuilder.makeLiteral(false);
            default -> rexBuilder.makeNullLiteral(types.createTypeWithNullability(type, true));
        };
        return rexBuilder.makeCast(types.createTypeWithNullability(type, true), value, true, false);
    }

    private static SqlFunction udf(String name, String method, Class<?>... parameters) {
        try {
            Method target = MaskFunctions.class.getMethod(method, parameters);
            return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                    ReturnTypes.VARCHAR_NULLABLE, InferTypes.FIRST_KNOWN, null, ScalarFunctionImpl.create(target));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("MaskFunctions." + method + " is missing", e);
        }
    }
}
