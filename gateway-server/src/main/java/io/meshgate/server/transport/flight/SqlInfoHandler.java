package io.meshgate.server.transport.flight;

import io.meshgate.engine.planner.MeshSql;
import io.meshgate.engine.planner.MeshSql.FunctionKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlOuterJoinsSupportLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedGroupBy;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedResultSetType;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedSubqueries;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedUnions;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlTransactionIsolationLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedAnsi92SqlGrammarLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedSqlGrammar;

/**
 * GetSqlInfo: what the server is and what its SQL supports, as BI tools read it through JDBC's
 * DatabaseMetaData. Keywords and function lists come from the parser and operator table queries
 * are planned with ({@link MeshSql}), so they list what a query may actually use.
 *
 * <p>Identifiers: Meshgate keeps the case of every identifier and matches names ignoring case,
 * quoted or not; the protocol's closest value for both is CASE_INSENSITIVE (stored as written,
 * compared ignoring case). Meshgate is read-only and has no transactions.
 */
final class SqlInfoHandler {
    static final String SERVER_NAME = "Meshgate";

    private final MetadataResults results;
    private final SqlInfoBuilder info;
    private final Set<Integer> provided;

    SqlInfoHandler(MetadataResults results) {
        this.results = results;
        long identifierLength = MeshSql.PARSER.identifierMaxLength();
        this.info = new SqlInfoBuilder()
                .withFlightSqlServerName(SERVER_NAME)
                .withFlightSqlServerVersion(version())
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerReadOnly(true)
                .withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withFlightSqlServerCancel(true)
                .withFlightSqlServerBulkIngestion(false)
                .withSqlTransactionsSupported(false)
                .withSqlDefaultTransactionIsolation(SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE_VALUE)
                .withSqlSupportedTransactionsIsolationLevels(SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE)
                .withSqlDataDefinitionCausesTransactionCommit(false)
                .withSqlDataDefinitionsInTransactionsIgnored(false)
                .withSqlIdentifierQuoteChar("\"")
                .withSqlSearchStringEscape("\\")
                .withSqlExtraNameCharacters("")
                .withSqlCatalogTerm("domain")
                .withSqlSchemaTerm("schema")
                .withSqlProcedureTerm("procedure")
                .withSqlIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
                .withSqlQuotedIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
                .withSqlNullOrdering(SqlNullOrdering.SQL_NULLS_SORTED_HIGH)
                .withSqlKeywords(array(MeshSql.keywords()))
                .withSqlNumericFunctions(array(MeshSql.functionNames(FunctionKind.NUMERIC)))
                .withSqlStringFunctions(array(MeshSql.functionNames(FunctionKind.STRING)))
                .withSqlSystemFunctions(array(MeshSql.functionNames(FunctionKind.SYSTEM)))
                .withSqlDatetimeFunctions(array(MeshSql.functionNames(FunctionKind.DATETIME)))
                // Queries only (Meshgate is read-only): ODBC's minimum and core grammar for SELECT, ANSI-92 entry level.
                .withSqlSupportedGrammar(SupportedSqlGrammar.SQL_MINIMUM_GRAMMAR, SupportedSqlGrammar.SQL_CORE_GRAMMAR)
                .withSqlAnsi92SupportedLevel(SupportedAnsi92SqlGrammarLevel.ANSI92_ENTRY_SQL)
                .withSqlSupportedGroupBy(SqlSupportedGroupBy.SQL_GROUP_BY_UNRELATED, SqlSupportedGroupBy.SQL_GROUP_BY_BEYOND_SELECT)
                .withSqlSubQueriesSupported(SqlSupportedSubqueries.SQL_SUBQUERIES_IN_COMPARISONS, SqlSupportedSubqueries.SQL_SUBQUERIES_IN_EXISTS,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_INS, SqlSupportedSubqueries.SQL_SUBQUERIES_IN_QUANTIFIEDS)
                .withSqlSupportedUnions(SqlSupportedUnions.SQL_UNION, SqlSupportedUnions.SQL_UNION_ALL)
                .withSqlOuterJoinSupportLevel(SqlOuterJoinsSupportLevel.SQL_FULL_OUTER_JOINS)
                .withSqlSupportedResultSetTypes(SqlSupportedResultSetType.SQL_RESULT_SET_TYPE_FORWARD_ONLY)
                .withSqlSchemasSupportedActions()
                .withSqlCatalogsSupportedActions()
                .withSqlSupportedPositionedCommands()
                .withSqlSupportsConvert(Map.of())
                .withSqlDdlCatalog(false)
                .withSqlDdlSchema(false)
                .withSqlDdlTable(false)
                .withSqlAllTablesAreSelectable(false)
                .withSqlSupportsColumnAliasing(true)
                .withSqlNullPlusNullIsNull(true)
                .withSqlSupportsTableCorrelationNames(true)
                .withSqlSupportsDifferentTableCorrelationNames(false)
                .withSqlSupportsExpressionsInOrderBy(true)
                .withSqlSupportsOrderByUnrelated(true)
                .withSqlSupportsLikeEscapeClause(true)
                .withSqlSupportsNonNullableColumns(true)
                .withSqlSupportsIntegrityEnhancementFacility(false)
                .withSqlCorrelatedSubqueriesSupported(true)
                .withSqlSelectForUpdateSupported(false)
                .withSqlStoredProceduresSupported(false)
                .withSqlStoredFunctionsUsingCallSyntaxSupported(false)
                .withSqlBatchUpdatesSupported(false)
                .withSqlSavepointsSupported(false)
                .withSqlNamedParametersSupported(false)
                .withSqlLocatorsUpdateCopy(false)
                .withSqlMaxRowSizeIncludesBlobs(false)
                .withSqlCatalogAtStart(true)
                // Names are limited by the parser; 0 is JDBC's "no limit or unknown".
                .withSqlMaxColumnNameLength(identifierLength)
                .withSqlMaxTableNameLength(identifierLength)
                .withSqlDbSchemaNameLength(identifierLength)
                .withSqlMaxCatalogNameLength(identifierLength)
                .withSqlMaxCursorNameLength(0)
                .withSqlMaxProcedureNameLength(0)
                .withSqlMaxUsernameLength(0)
                .withSqlMaxBinaryLiteralLength(0)
                .withSqlMaxCharLiteralLength(0)
                .withSqlMaxColumnsInGroupBy(0)
                .withSqlMaxColumnsInIndex(0)
                .withSqlMaxColumnsInOrderBy(0)
                .withSqlMaxColumnsInSelect(0)
                .withSqlMaxColumnsInTable(0)
                .withSqlMaxConnections(0)
                .withSqlMaxIndexLength(0)
                .withSqlMaxRowSize(0)
                .withSqlMaxStatementLength(0)
                .withSqlMaxStatements(0)
                .withSqlMaxTablesInSelect(0)
                .withFlightSqlServerStatementTimeout(0)
                .withFlightSqlServerTransactionTimeout(0);
        this.provided = providedIds(info);
    }

    /** The requested values (all without a request); ids the server does not know are left out, as the protocol allows. */
    void stream(CommandGetSqlInfo command, ServerStreamListener listener) {
        List<Integer> requested = command.getInfoList().isEmpty() ? List.copyOf(provided)
                : command.getInfoList().stream().filter(provided::contains).toList();
        if (requested.isEmpty()) {
            results.sendEmpty(FlightSqlProducer.Schemas.GET_SQL_INFO_SCHEMA, listener);
        } else {
            info.send(requested, listener);
        }
    }

    /** The ids {@link #info} has a value for: what it sends when asked for everything. */
    private static Set<Integer> providedIds(SqlInfoBuilder info) {
        Set<Integer> ids = new TreeSet<>();
        info.send(List.of(), new IdCollector(ids));
        return Set.copyOf(ids);
    }

    /** Reads the {@code info_name} column of what {@link SqlInfoBuilder} sends, and nothing else. */
    private static final class IdCollector implements ServerStreamListener {
        private final Set<Integer> ids;
        private VectorSchemaRoot root;

        IdCollector(Set<Integer> ids) {
            this.ids = ids;
        }

        @Override
        public void start(VectorSchemaRoot root, DictionaryProvider dictionaries, IpcOption option) {
            this.root = root;
        }

        @Override
        public void putNext() {
            UInt4Vector names = (UInt4Vector) root.getVector("info_name");
            for (int i = 0; i < root.getRowCount(); i++) {
                ids.add(names.get(i));
            }
        }

        @Override
        public void putNext(ArrowBuf metadata) {
            putNext();
        }

        @Override
        public void putMetadata(ArrowBuf metadata) {
        }

        @Override
        public void error(Throwable e) {
            throw new IllegalStateException("Cannot list the SqlInfo values", e);
        }

        @Override
        public void completed() {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
        }
    }

    /** The jar manifest's version, else the project version the build wrote into version.properties. */
    static String version() {
        String manifest = SqlInfoHandler.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        try (InputStream in = SqlInfoHandler.class.getResourceAsStream("/io/meshgate/server/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("Cannot read the server version: version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server version", e);
        }
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
