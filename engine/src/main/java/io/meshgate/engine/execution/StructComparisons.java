package io.meshgate.engine.execution;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Refuses a plan that compares whole struct values: comparison operators, joins, grouping,
 * DISTINCT, set operations without ALL and sorting on a struct, or on an array or map that holds
 * structs at any depth. Generated code holds a struct as an {@code Object[]}, which hashing
 * operators compare by identity, so such a plan would run and silently answer wrong. A struct's
 * fields ({@code t.address.city}) compare as usual; arrays and maps of other values compare as
 * Java lists and maps do, but have no order, so sorting by them is refused too.
 */
final class StructComparisons {
    /** Aggregates that neither compare nor hash their argument, unless DISTINCT. */
    private static final Set<SqlKind> AGGREGATES_OF_ANY_VALUE = EnumSet.of(SqlKind.COUNT, SqlKind.SINGLE_VALUE, SqlKind.ANY_VALUE);

    private StructComparisons() {
    }

    /** Throws {@code NOT_SUPPORTED} when any node of {@code plan} compares struct values. */
    static void check(RelNode plan) {
        plan.accept(new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                boolean comparing = call.getKind().belongsTo(SqlKind.COMPARISON) || call.getKind() == SqlKind.SEARCH;
                if (comparing && call.getOperands().stream().anyMatch(o -> holdsStruct(o.getType()))) {
                    throw unsupported("compare");
                }
                return super.visitCall(call);
            }
        });
        if (plan instanceof Sort sort) {
            for (RelFieldCollation field : sort.getCollation().getFieldCollations()) {
                requireNotStruct(sort.getInput().getRowType(), field.getFieldIndex(), "sort by");
                RelDataType type = sort.getInput().getRowType().getFieldList().get(field.getFieldIndex()).getType();
                if (type.getSqlTypeName() == SqlTypeName.ARRAY || type.getSqlTypeName() == SqlTypeName.MAP) {
                    throw new MeshgateException(ErrorCode.NOT_SUPPORTED, "Cannot sort by whole " + type.getSqlTypeName()
                            + " values (sort by an element or by cardinality(...) instead)");
                }
            }
        } else if (plan instanceof Aggregate aggregate) {
            aggregate.getGroupSet().forEach(i -> requireNotStruct(aggregate.getInput().getRowType(), i, "group by"));
            for (AggregateCall call : aggregate.getAggCallList()) {
                if (call.isDistinct() || !AGGREGATES_OF_ANY_VALUE.contains(call.getAggregation().getKind())) {
                    call.getArgList().forEach(i -> requireNotStruct(aggregate.getInput().getRowType(), i, "aggregate"));
                }
            }
        } else if (plan instanceof SetOp setOp && !setOp.all) {
            for (int i = 0; i < setOp.getRowType().getFieldCount(); i++) {
                requireNotStruct(setOp.getRowType(), i, "deduplicate");
            }
        }
        plan.getInputs().forEach(StructComparisons::check);
    }

    private static void requireNotStruct(RelDataType rowType, int field, String operation) {
        if (holdsStruct(rowType.getFieldList().get(field).getType())) {
            throw unsupported(operation);
        }
    }

    /** Whether values of {@code type} are structs, or arrays or maps with structs in them. */
    private static boolean holdsStruct(RelDataType type) {
        if (type.isStruct()) {
            return true;
        }
        if (type.getSqlTypeName() == SqlTypeName.MAP) {
            return holdsStruct(type.getKeyType()) || holdsStruct(type.getValueType());
        }
        return type.getComponentType() != null && holdsStruct(type.getComponentType());
    }

    private static MeshgateException unsupported(String operation) {
        return new MeshgateException(ErrorCode.NOT_SUPPORTED, "Cannot " + operation
                + " whole struct values yet (use their fields instead, such as t.address.city)");
    }
}
