package io.meshgate.engine.planner;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;

/** The SQL dialect Meshgate speaks, shared by user queries and policy expressions. */
public final class MeshSql {
    /** Double-quoted identifiers, case kept, names matched case-insensitively. */
    public static final SqlParser.Config PARSER = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false)
            .withConformance(SqlConformanceEnum.DEFAULT)
            // Babel's grammar is the standard one with fewer reserved words: `value`, `year` and the
            // like work as column aliases, as they do in Trino and PostgreSQL.
            .withParserFactory(SqlBabelParserImpl.FACTORY);

    /** The built-in functions: the standard ones and PostgreSQL's. */
    public static final SqlOperatorTable BUILT_INS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL),
            SqlOperatorTables.of(SqlLibraryOperators.DATE));

    public static final SqlValidator.Config VALIDATOR = SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withTypeCoercionEnabled(false)
            .withConformance(SqlConformanceEnum.DEFAULT);

    /** The kinds of built-in functions JDBC's DatabaseMetaData lists. */
    public enum FunctionKind {
        NUMERIC(SqlFunctionCategory.NUMERIC),
        STRING(SqlFunctionCategory.STRING),
        DATETIME(SqlFunctionCategory.TIMEDATE),
        SYSTEM(SqlFunctionCategory.SYSTEM);

        private final SqlFunctionCategory category;

        FunctionKind(SqlFunctionCategory category) {
            this.category = category;
        }
    }

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final SqlAbstractParserImpl.Metadata PARSER_METADATA = SqlParser.create("", PARSER).getMetadata();

    private MeshSql() {
    }

    /** The names of the built-in scalar functions of one kind that queries may call (no aggregates), sorted and without repeats. */
    public static List<String> functionNames(FunctionKind kind) {
        return BUILT_INS.getOperatorList().stream()
                .filter(op -> op instanceof SqlFunction function && !(op instanceof SqlAggFunction) && function.getFunctionType() == kind.category)
                .map(op -> op.getName().toUpperCase(Locale.ROOT))
                .filter(name -> FUNCTION_NAME.matcher(name).matches())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /**
     * {@code name} as a query can write it: as is when it is a plain lower-case identifier and no
     * reserved word, else double-quoted with any double quote in it doubled.
     */
    public static String identifier(String name) {
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !PARSER_METADATA.isReservedWord(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The parser's keywords that are not SQL:92 reserved words, as JDBC's getSQLKeywords lists them. */
    public static List<String> keywords() {
        String keywords = SqlParser.create("", PARSER).getMetadata().getJdbcKeywords();
        return Arrays.stream(keywords.split(",")).map(String::trim).filter(k -> !k.isEmpty()).sorted().toList();
    }
}
