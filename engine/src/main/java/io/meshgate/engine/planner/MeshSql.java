package io.meshgate.engine.planner;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
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

    private MeshSql() {
    }
}
