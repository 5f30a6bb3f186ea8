package io.meshgate.server.transport.flight;

import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;

/** GetSqlInfo: what the server is and what its SQL supports. */
final class SqlInfoHandler {
    static final String SERVER_NAME = "Meshgate";

    private final SqlInfoBuilder info;

    SqlInfoHandler() {
        String version = SqlInfoHandler.class.getPackage().getImplementationVersion();
        this.info = new SqlInfoBuilder()
                .withFlightSqlServerName(SERVER_NAME)
                .withFlightSqlServerVersion(version == null ? "development" : version)
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerReadOnly(true)
                .withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withFlightSqlServerCancel(true)
                .withFlightSqlServerBulkIngestion(false)
                .withSqlTransactionsSupported(false)
                .withSqlIdentifierQuoteChar("\"")
                .withSqlSearchStringEscape("\\")
                .withSqlCatalogTerm("domain")
                .withSqlSchemaTerm("schema")
                .withSqlProcedureTerm("procedure")
                // Identifiers keep their case, quoted or not, and are matched exactly: none of the protocol's choices.
                .withSqlIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UNKNOWN)
                .withSqlQuotedIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UNKNOWN)
                .withSqlNullOrdering(SqlNullOrdering.SQL_NULLS_SORTED_HIGH)
                .withSqlDdlCatalog(false)
                .withSqlDdlSchema(false)
                .withSqlDdlTable(false)
                .withSqlSupportsColumnAliasing(true)
                .withSqlNullPlusNullIsNull(true)
                .withSqlSupportsTableCorrelationNames(true)
                .withSqlSupportsExpressionsInOrderBy(true)
                .withSqlCorrelatedSubqueriesSupported(true)
                .withSqlSelectForUpdateSupported(false)
                .withSqlStoredProceduresSupported(false)
                .withSqlBatchUpdatesSupported(false)
                .withSqlSavepointsSupported(false)
                .withSqlNamedParametersSupported(false)
                .withSqlCatalogAtStart(true);
    }

    void stream(CommandGetSqlInfo command, ServerStreamListener listener) {
        info.send(command.getInfoList(), listener);
    }
}
