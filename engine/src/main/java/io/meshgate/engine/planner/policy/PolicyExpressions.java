package io.meshgate.engine.planner.policy;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.planner.MeshSql;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.model.AttributeType;
import io.meshgate.policy.model.AttributeValue;
import io.meshgate.policy.model.PrincipalReferences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.util.DateString;

/**
 * Compiles a policy's SQL (a row predicate, a CUSTOM mask, a CONSTANT value) into a Calcite
 * expression over one table's raw columns (R7: hidden columns included). The principal's
 * attributes ({@code :principal.x}), {@code current_user()} and {@code is_member('g')} become
 * literals; an unset attribute is NULL of its declared type. Subqueries and non-deterministic
 * functions are refused. Failures are {@link PolicyExpressionException}s that never quote the
 * policy text to the query's user.
 */
public final class PolicyExpressions {
    private static final String PLACEHOLDER = "$principal.";

    private final RelOptCluster cluster;
    private final RelDataType rawRowType;
    private final ResolvedPrincipal principal;

    public PolicyExpressions(RelOptCluster cluster, RelDataType rawRowType, ResolvedPrincipal principal) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.rawRowType = requireNonNull(rawRowType, "rawRowType is null");
        this.principal = requireNonNull(principal, "principal is null");
    }

    /** The expression over input references to the raw row type. */
    public RexNode compile(String sql) {
        String text = PrincipalReferences.replace(sql, name -> "\"" + PLACEHOLDER + name + "\"");
        SqlNode parsed;
        try {
            parsed = SqlParser.create(text, MeshSql.PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw new PolicyExpressionException("not valid SQL: " + firstLine(e.getMessage()));
        }
        SqlNode substituted = parsed.accept(new PrincipalFunctions(principal));
        JavaTypeFactory typeFactory = (JavaTypeFactory) cluster.getTypeFactory();
        CalciteCatalogReader reader = new CalciteCatalogReader(CalciteSchema.createRootSchema(false), List.of(), typeFactory,
                new CalciteConnectionConfigImpl(new Properties()));
        SqlValidator validator = SqlValidatorUtil.newValidator(MeshSql.BUILT_INS, reader, typeFactory, MeshSql.VALIDATOR);
        Map<String, RelDataType> types = new HashMap<>();
        Map<String, RexNode> values = new HashMap<>();
        RexBuilder rexBuilder = cluster.getRexBuilder();
        for (RelDataTypeField field : rawRowType.getFieldList()) {
            types.put(field.getName(), field.getType());
            values.put(field.getName(), new RexInputRef(field.getIndex(), field.getType()));
        }
        for (String attribute : PrincipalReferences.attributes(sql)) {
            RexNode literal = attributeLiteral(attribute, rexBuilder);
            types.put(PLACEHOLDER + attribute, literal.getType());
            values.put(PLACEHOLDER + attribute, literal);
        }
        try {
            SqlNode validated = validator.validateParameterizedExpression(substituted, types);
            SqlToRelConverter converter = new SqlToRelConverter(null, validator, reader, cluster, StandardConvertletTable.INSTANCE,
                    SqlToRelConverter.config());
            RexNode rex = converter.convertExpression(validated, values);
            if (!RexUtil.isDeterministic(rex)) {
                throw new PolicyExpressionException("uses a non-deterministic function");
            }
            return rex;
        } catch (PolicyExpressionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PolicyExpressionException(firstLine(e.getMessage()));
        }
    }

    /** A problem with {@code sql} as a row predicate, or empty when it compiles to a boolean. */
    public Optional<String> predicateProblem(String sql) {
        try {
            RexNode rex = compile(sql);
            if (rex.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
                return Optional.of("a row predicate must be boolean, not " + rex.getType().getSqlTypeName());
            }
            return Optional.empty();
        } catch (PolicyExpressionException e) {
            return Optional.of(e.getMessage());
        }
    }

    private RexNode attributeLiteral(String attribute, RexBuilder rexBuilder) {
        AttributeType declared = principal.declaredAttributes().get(attribute);
        if (declared == null) {
            throw new PolicyExpressionException("references the undeclared attribute :principal." + attribute);
        }
        RelDataType type = cluster.getTypeFactory().createTypeWithNullability(cluster.getTypeFactory().createSqlType(sqlType(declared)), true);
        Optional<AttributeValue> value = principal.attribute(attribute);
        if (value.isEmpty()) {
            return rexBuilder.makeNullLiteral(type);
        }
        Object v = value.get().value();
        RexNode literal = switch (declared) {
            case VARCHAR -> rexBuilder.makeLiteral((String) v);
            case BOOLEAN -> rexBuilder.makeLiteral((Boolean) v);
            case BIGINT -> rexBuilder.makeExactLiteral(BigDecimal.valueOf((Long) v), type);
            case DATE -> rexBuilder.makeDateLiteral(DateString.fromDaysSinceEpoch((int) ((LocalDate) v).toEpochDay()));
        };
        return rexBuilder.makeCast(type, literal, true, false);
    }

    private static SqlTypeName sqlType(AttributeType type) {
        return switch (type) {
            case VARCHAR -> SqlTypeName.VARCHAR;
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            case BIGINT -> SqlTypeName.BIGINT;
            case DATE -> SqlTypeName.DATE;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be compiled";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Replaces the principal functions by literals and refuses subqueries. */
    private static final class PrincipalFunctions extends SqlShuttle {
        private final ResolvedPrincipal principal;

        PrincipalFunctions(ResolvedPrincipal principal) {
            this.principal = principal;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call instanceof SqlSelect || call.getKind() == SqlKind.SELECT || call.getKind().belongsTo(SqlKind.QUERY)) {
                throw new PolicyExpressionException("may not contain a subquery");
            }
            String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
            if (name.equals("current_user")) {
                return SqlLiteral.createCharString(principal.name(), SqlParserPos.ZERO);
            }
            if (name.equals("is_member")) {
                if (call.operandCount() != 1 || !(call.operand(0) instanceof SqlLiteral group) || group.getTypeName() != SqlTypeName.CHAR) {
                    throw new PolicyExpressionException("is_member takes one group name in quotes");
                }
                return SqlLiteral.createBoolean(principal.isMember(group.getValueAs(String.class)), SqlParserPos.ZERO);
            }
            return super.visit(call);
        }
    }
}
