package io.meshgate.engine.planner;

import io.meshgate.spi.ScanPredicate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Translates the part of a filter condition a connector can prune with into a {@link ScanPredicate}:
 * comparisons of a column with a literal, IS [NOT] NULL, IN lists and ranges (Calcite's SEARCH), and
 * AND, OR, NOT over those. A conjunct that does not translate is left out, which only weakens the
 * pruning hint; inside OR and NOT every operand must translate.
 */
final class ScanPredicates {
    private ScanPredicates() {
    }

    /** The pruning predicate of {@code condition} over a row whose fields are {@code columns}. */
    static Optional<ScanPredicate> translate(RexNode condition, List<String> columns, RelDataType rowType, RexBuilder rexBuilder) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
        List<ScanPredicate> conjuncts = new ArrayList<>();
        for (RexNode conjunct : conjunctions(expanded)) {
            new Translator(columns, rowType).translate(conjunct).ifPresent(conjuncts::add);
        }
        return combine(conjuncts, true);
    }

    private static List<RexNode> conjunctions(RexNode node) {
        if (node.getKind() == SqlKind.AND) {
            List<RexNode> result = new ArrayList<>();
            ((RexCall) node).getOperands().forEach(operand -> result.addAll(conjunctions(operand)));
            return result;
        }
        return List.of(node);
    }

    private static Optional<ScanPredicate> combine(List<ScanPredicate> operands, boolean and) {
        if (operands.isEmpty()) {
            return Optional.empty();
        }
        if (operands.size() == 1) {
            return Optional.of(operands.get(0));
        }
        return Optional.of(and ? new ScanPredicate.And(operands) : new ScanPredicate.Or(operands));
    }

    private record Translator(List<String> columns, RelDataType rowType) {
        Optional<ScanPredicate> translate(RexNode node) {
            return switch (node.getKind()) {
                case AND -> all(((RexCall) node).getOperands(), true);
                case OR -> orOf(((RexCall) node).getOperands());
                case NOT -> translate(((RexCall) node).getOperands().get(0)).map(ScanPredicate.Not::new);
                case IS_NULL -> column(((RexCall) node).getOperands().get(0)).map(c -> new ScanPredicate.IsNull(columns.get(c)));
                case IS_NOT_NULL -> column(((RexCall) node).getOperands().get(0))
                        .map(c -> new ScanPredicate.Not(new ScanPredicate.IsNull(columns.get(c))));
                case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> comparison((RexCall) node);
                default -> Optional.empty();
            };
        }

        private Optional<ScanPredicate> all(List<RexNode> operands, boolean and) {
            List<ScanPredicate> translated = new ArrayList<>();
            for (RexNode operand : operands) {
                Optional<ScanPredicate> predicate = translate(operand);
                if (predicate.isEmpty()) {
                    return Optional.empty();
                }
                translated.add(predicate.get());
            }
            return combine(translated, and);
        }

        /** An OR whose operands are all equalities of one column becomes IN. */
        private Optional<ScanPredicate> orOf(List<RexNode> operands) {
            Optional<ScanPredicate> or = all(operands, false);
            if (or.isEmpty() || !(or.get() instanceof ScanPredicate.Or disjunction)) {
                return or;
            }
            Map<String, List<Object>> values = new LinkedHashMap<>();
            for (ScanPredicate operand : disjunction.operands()) {
                if (!(operand instanceof ScanPredicate.Comparison c) || c.operator() != ScanPredicate.Operator.EQUAL) {
                    return or;
                }
                values.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c.value());
            }
            if (values.size() != 1) {
                return or;
            }
            Map.Entry<String, List<Object>> entry = values.entrySet().iterator().next();
            return Optional.of(new ScanPredicate.In(entry.getKey(), entry.getValue()));
        }

        private Optional<ScanPredicate> comparison(RexCall call) {
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            SqlKind kind = call.getKind();
            if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
                RexNode swap = left;
                left = right;
                right = swap;
                kind = kind.reverse();
            }
            Optional<Integer> column = column(left);
            if (column.isEmpty() || !(right instanceof RexLiteral literal) || literal.isNull()) {
                return Optional.empty();
            }
            RelDataType columnType = rowType.getFieldList().get(column.get()).getType();
            ScanPredicate.Operator operator = operator(kind);
            return value(literal, columnType).map(value -> new ScanPredicate.Comparison(columns.get(column.get()), operator, value));
        }

        /**
         * The column a node reads, directly or through a cast between numeric types; never an
         * array or map column, whose values a connector cannot prune by.
         */
        private Optional<Integer> column(RexNode node) {
            if (node instanceof RexInputRef ref && isCollection(ref.getType())) {
                return Optional.empty();
            }
            if (node instanceof RexInputRef ref) {
                return Optional.of(ref.getIndex());
            }
            if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexInputRef ref
                    && isWidening(ref.getType(), node.getType())) {
                return Optional.of(ref.getIndex());
            }
            return Optional.empty();
        }

        private static boolean isCollection(RelDataType type) {
            return type.getSqlTypeName() == SqlTypeName.ARRAY || type.getSqlTypeName() == SqlTypeName.MAP
                    || type.getSqlTypeName() == SqlTypeName.MULTISET;
        }

        /** Whether a cast keeps every value as it is, so that comparing the column itself is the same. */
        private static boolean isWidening(RelDataType from, RelDataType to) {
            boolean toExact = SqlTypeUtil.isIntType(to) || SqlTypeUtil.isDecimal(to);
            if (SqlTypeUtil.isIntType(from)) {
                return toExact;
            }
            return SqlTypeUtil.isDecimal(from) && SqlTypeUtil.isDecimal(to) && to.getScale() >= from.getScale()
                    && to.getPrecision() - to.getScale() >= from.getPrecision() - from.getScale();
        }

        private static ScanPredicate.Operator operator(SqlKind kind) {
            return switch (kind) {
                case EQUALS -> ScanPredicate.Operator.EQUAL;
                case NOT_EQUALS -> ScanPredicate.Operator.NOT_EQUAL;
                case LESS_THAN -> ScanPredicate.Operator.LESS_THAN;
                case LESS_THAN_OR_EQUAL -> ScanPredicate.Operator.LESS_THAN_OR_EQUAL;
                case GREATER_THAN -> ScanPredicate.Operator.GREATER_THAN;
                case GREATER_THAN_OR_EQUAL -> ScanPredicate.Operator.GREATER_THAN_OR_EQUAL;
                default -> throw new IllegalArgumentException("Cannot translate comparison " + kind);
            };
        }

        /** The literal as a value of the column's Java type, or empty when it does not convert exactly. */
        private static Optional<Object> value(RexLiteral literal, RelDataType columnType) {
            SqlTypeName target = columnType.getSqlTypeName();
            SqlTypeName source = literal.getType().getSqlTypeName();
            try {
                return switch (target) {
                    case TINYINT, SMALLINT, INTEGER -> exact(literal).map(d -> (Object) d.intValueExact());
                    case BIGINT -> exact(literal).map(d -> (Object) d.longValueExact());
                    case DECIMAL -> exact(literal).map(d -> (Object) d);
                    case REAL, FLOAT, DOUBLE -> exact(literal).map(d -> (Object) d.doubleValue());
                    case CHAR, VARCHAR -> SqlTypeUtil.isCharacter(literal.getType())
                            ? Optional.ofNullable(literal.getValueAs(String.class)) : Optional.empty();
                    case BOOLEAN -> source == SqlTypeName.BOOLEAN ? Optional.ofNullable(literal.getValueAs(Boolean.class)) : Optional.empty();
                    case DATE -> source == SqlTypeName.DATE
                            ? Optional.ofNullable(literal.getValueAs(DateString.class)).map(d -> (Object) LocalDate.parse(d.toString()))
                            : Optional.empty();
                    case TIMESTAMP -> source == SqlTypeName.TIMESTAMP
                            ? Optional.ofNullable(literal.getValueAs(TimestampString.class))
                                    .map(t -> (Object) LocalDateTime.parse(t.toString().replace(' ', 'T')))
                            : Optional.empty();
                    default -> Optional.empty();
                };
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }

        private static Optional<BigDecimal> exact(RexLiteral literal) {
            if (!SqlTypeUtil.isNumeric(literal.getType())) {
                return Optional.empty();
            }
            return Optional.ofNullable(literal.getValueAs(BigDecimal.class));
        }
    }
}
