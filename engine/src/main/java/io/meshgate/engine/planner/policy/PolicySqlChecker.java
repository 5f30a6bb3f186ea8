package io.meshgate.engine.planner.policy;

import io.meshgate.engine.planner.MeshSql;
import io.meshgate.policy.load.ExpressionChecker;
import io.meshgate.policy.model.PrincipalReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Checks policy SQL when the policy files load, before any table is known (POLICY.md section 5):
 * it must parse, hold no subquery, call only built-in functions and the principal functions
 * ({@code current_user()}, {@code is_member('g')}), and a CONSTANT must be one literal. Whether it
 * binds to a table's columns is checked when a table is decided on (R8).
 */
public final class PolicySqlChecker implements ExpressionChecker {
    private static final Set<String> PRINCIPAL_FUNCTIONS = Set.of("current_user", "is_member");

    @Override
    public List<String> problems(String sql, Use use) {
        String text = PrincipalReferences.replace(sql, name -> "\"$principal." + name + "\"");
        SqlNode node;
        try {
            node = SqlParser.create(text, MeshSql.PARSER).parseExpression();
        } catch (SqlParseException e) {
            String message = e.getMessage() == null ? "not valid SQL" : e.getMessage().lines().findFirst().orElse("not valid SQL");
            return List.of("not valid SQL: " + message);
        }
        List<String> problems = new ArrayList<>();
        if (use == Use.CONSTANT && !isLiteral(node)) {
            problems.add("a CONSTANT mask's value must be one SQL literal, such as 'n/a' or 0");
        }
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind().belongsTo(SqlKind.QUERY)) {
                    problems.add("subqueries are not allowed in policy SQL");
                    return null;
                }
                SqlOperator operator = call.getOperator();
                if (operator instanceof SqlUnresolvedFunction && !PRINCIPAL_FUNCTIONS.contains(operator.getName().toLowerCase(Locale.ROOT))
                        && !isBuiltIn(operator.getName())) {
                    problems.add("unknown function " + operator.getName() + ": only built-in functions, current_user() and is_member('group') are allowed");
                }
                return super.visit(call);
            }
        });
        return problems;
    }

    private static boolean isLiteral(SqlNode node) {
        if (node instanceof SqlLiteral) {
            return true;
        }
        return node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX && call.operand(0) instanceof SqlLiteral;
    }

    private static boolean isBuiltIn(String name) {
        List<SqlOperator> found = new ArrayList<>();
        MeshSql.BUILT_INS.lookupOperatorOverloads(new SqlIdentifier(name.toUpperCase(Locale.ROOT), SqlParserPos.ZERO),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
        return !found.isEmpty();
    }
}
