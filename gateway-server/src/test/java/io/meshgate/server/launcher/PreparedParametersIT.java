package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end through Arrow's Flight SQL JDBC driver and a raw FlightSqlClient, on the demo mesh at
 * scale 0.01: prepared statements with {@code ?} parameters (bound, re-bound, refused, and held to
 * the policy barrier), the session's catalog and schema, and what DatabaseMetaData says of the server.
 */
class PreparedParametersIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.01);

    private static BufferAllocator allocator;

    @BeforeAll
    static void start() {
        allocator = new RootAllocator();
    }

    @AfterAll
    static void stop() {
        allocator.close();
    }

    private static List<List<Object>> rows(PreparedStatement statement) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next());
            return result.getLong(1);
        }
    }

    private static String fullMessage(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append('\n');
        }
        return message.toString();
    }

    @Test
    void oneStatementRunsAgainWithOtherValues() throws SQLException {
        try (Connection connection = GATEWAY.connect("admin");
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT o_orderkey, o_orderstatus FROM commerce.sales.orders WHERE o_orderkey = ?")) {
            assertEquals(1, statement.getParameterMetaData().getParameterCount());
            statement.setLong(1, 1L);
            List<List<Object>> first = rows(statement);
            assertEquals(1, first.size());
            assertEquals(1L, ((Number) first.get(0).get(0)).longValue());
            statement.setLong(1, 2L);
            List<List<Object>> second = rows(statement);
            assertEquals(1, second.size());
            assertEquals(2L, ((Number) second.get(0).get(0)).longValue());
            statement.setInt(1, 3);
            assertEquals(3L, ((Number) rows(statement).get(0).get(0)).longValue(), "setInt on a BIGINT parameter");
            statement.setNull(1, Types.BIGINT);
            assertEquals(List.of(), rows(statement), "NULL equals nothing");
        }
    }

    @Test
    void textDateAndDecimalParametersAnswerAsLiteralsDo() throws SQLException {
        try (Connection connection = GATEWAY.connect("admin");
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM commerce.sales.orders "
                        + "WHERE o_orderstatus = ? AND o_orderdate >= ? AND o_totalprice > ?")) {
            statement.setString(1, "F");
            statement.setDate(2, Date.valueOf("1994-01-01"));
            statement.setBigDecimal(3, new BigDecimal("100000.50"));
            long expected = count(connection, "SELECT count(*) FROM commerce.sales.orders "
                    + "WHERE o_orderstatus = 'F' AND o_orderdate >= DATE '1994-01-01' AND o_totalprice > 100000.50");
            assertTrue(expected > 0);
            assertEquals(expected, ((Number) rows(statement).get(0).get(0)).longValue());
            statement.setString(1, "O");
            long open = count(connection, "SELECT count(*) FROM commerce.sales.orders "
                    + "WHERE o_orderstatus = 'O' AND o_orderdate >= DATE '1994-01-01' AND o_totalprice > 100000.50");
            assertEquals(open, ((Number) rows(statement).get(0).get(0)).longValue());
        }
    }

    @Test
    void parameterOfUnknownTypeIsNamedWithItsPosition() {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection connection = GATEWAY.connect("admin");
                    PreparedStatement statement = connection.prepareStatement("SELECT o_orderkey FROM commerce.sales.orders WHERE ? = ?")) {
                statement.executeQuery().close();
            }
        });
        String message = fullMessage(e);
        assertTrue(message.contains("[INVALID_QUERY]") && message.contains("line 1:52: Cannot infer the type of parameter 1 (write CAST(? AS type))"),
                message);
    }

    /** Arrow's JDBC driver fails on its own (a NullPointerException) when a parameter is not set; a raw client reaches the server. */
    @Test
    void unboundOrMistypedParametersAreRefusedNamingTheParameter() throws Exception {
        try (FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", GATEWAY.port())).build();
                FlightSqlClient sql = new FlightSqlClient(client)) {
            CallOption token = client.authenticateBasicToken("admin", "admin").orElseThrow();
            FlightSqlClient.PreparedStatement statement = sql.prepare("SELECT o_orderkey FROM commerce.sales.orders WHERE o_orderkey = ?", token);
            try {
                FlightRuntimeException unbound = assertThrows(FlightRuntimeException.class, () -> longs(sql, statement.execute(token), token));
                assertTrue(unbound.getMessage().contains("[INVALID_REQUEST]")
                        && unbound.getMessage().contains("the statement has 1 parameter(s) and none is bound"), unbound.getMessage());
                Schema text = new Schema(List.of(Field.nullable("p", ArrowType.Utf8.INSTANCE)));
                try (VectorSchemaRoot wrong = VectorSchemaRoot.create(text, allocator)) {
                    ((VarCharVector) wrong.getVector(0)).setSafe(0, "1".getBytes(StandardCharsets.UTF_8));
                    wrong.setRowCount(1);
                    statement.setParameters(wrong);
                    FlightRuntimeException mistyped = assertThrows(FlightRuntimeException.class, () -> statement.execute(token));
                    assertTrue(mistyped.getMessage().contains(
                            "Cannot bind parameter 1: it is BIGINT, got a value of type VARCHAR"), mistyped.getMessage());
                }
                Schema two = new Schema(List.of(Field.nullable("a", new ArrowType.Int(64, true)), Field.nullable("b", new ArrowType.Int(64, true))));
                try (VectorSchemaRoot tooMany = VectorSchemaRoot.create(two, allocator)) {
                    tooMany.setRowCount(1);
                    statement.setParameters(tooMany);
                    FlightRuntimeException count = assertThrows(FlightRuntimeException.class, () -> statement.execute(token));
                    assertTrue(count.getMessage().contains("the statement has 1 parameter(s), the bound batch has 2 column(s)"), count.getMessage());
                }
            } finally {
                statement.close(token);
            }
        }
    }

    @Test
    void parameterSeesMaskedValuesAndCannotReachHiddenRows() throws SQLException {
        long hiddenFromSam;
        try (Connection admin = GATEWAY.connect("admin");
                Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery("SELECT min(c_custkey) FROM customer.crm.customer WHERE c_mktsegment <> 'BUILDING'")) {
            assertTrue(result.next());
            hiddenFromSam = result.getLong(1);
        }
        String byKey = "SELECT count(*) FROM customer.crm.customer WHERE c_custkey = ?";
        try (Connection sam = GATEWAY.connect("sam"); PreparedStatement statement = sam.prepareStatement(byKey)) {
            statement.setLong(1, hiddenFromSam);
            assertEquals(0L, ((Number) rows(statement).get(0).get(0)).longValue(), "sam sees BUILDING customers only");
        }
        try (Connection admin = GATEWAY.connect("admin"); PreparedStatement statement = admin.prepareStatement(byKey)) {
            statement.setLong(1, hiddenFromSam);
            assertEquals(1L, ((Number) rows(statement).get(0).get(0)).longValue());
        }
        // ana sees c_name as an HMAC: the raw name matches nothing, the shown value matches its row.
        String byName = "SELECT c_custkey FROM customer.crm.customer WHERE c_name = ?";
        try (Connection ana = GATEWAY.connect("ana"); PreparedStatement statement = ana.prepareStatement(byName)) {
            statement.setString(1, "Customer#000000001");
            assertEquals(List.of(), rows(statement));
            String shown;
            try (Statement plain = ana.createStatement();
                    ResultSet result = plain.executeQuery("SELECT c_name FROM customer.crm.customer WHERE c_custkey = 1")) {
                assertTrue(result.next());
                shown = result.getString(1);
            }
            statement.setString(1, shown);
            assertEquals(1L, ((Number) rows(statement).get(0).get(0)).longValue());
        }
    }

    @Test
    void sessionCatalogFromTheJdbcUrlResolvesShortNames() throws SQLException {
        Properties catalog = new Properties();
        catalog.setProperty("catalog", "commerce");
        Connection connection = GATEWAY.connect("admin", catalog);
        try {
            assertEquals(count(connection, "SELECT count(*) FROM commerce.sales.orders"), count(connection, "SELECT count(*) FROM sales.orders"));
        } finally {
            closeWithCatalog(connection);
        }
        Properties unknown = new Properties();
        unknown.setProperty("catalog", "nope");
        SQLException e = assertThrows(SQLException.class, () -> GATEWAY.connect("admin", unknown).close());
        String message = fullMessage(e);
        assertTrue(message.contains("catalog") && message.contains("nope"), message);
        Properties hidden = new Properties();
        hidden.setProperty("catalog", "supply");
        SQLException invisible = assertThrows(SQLException.class, () -> GATEWAY.connect("sam", hidden).close());
        assertEquals(message.replace("nope", "supply"), fullMessage(invisible).replace("nope", "supply"),
                "a catalog sam may not see fails like one that does not exist");
    }

    @Test
    void sessionOptionsThroughFlightSqlClient() throws Exception {
        try (FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", GATEWAY.port()))
                .intercept(new ClientCookieMiddleware.Factory()).build();
                FlightSqlClient sql = new FlightSqlClient(client)) {
            CallOption token = client.authenticateBasicToken("admin", "admin").orElseThrow();
            SetSessionOptionsResult set = sql.setSessionOptions(new SetSessionOptionsRequest(Map.of(
                    "catalog", SessionOptionValueFactory.makeSessionOptionValue("customer"),
                    "schema", SessionOptionValueFactory.makeSessionOptionValue("crm"),
                    "colour", SessionOptionValueFactory.makeSessionOptionValue("blue"))), token);
            assertEquals(Map.of("colour", new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_NAME)), set.getErrors());
            Map<String, SessionOptionValue> options = sql.getSessionOptions(new GetSessionOptionsRequest(), token).getSessionOptions();
            assertEquals(Map.of("catalog", SessionOptionValueFactory.makeSessionOptionValue("customer"),
                    "schema", SessionOptionValueFactory.makeSessionOptionValue("crm")), options);
            assertEquals(25L, singleLong(sql, "SELECT count(*) FROM nation", token));
            assertEquals(25L, singleLong(sql, "SELECT count(*) FROM crm.nation", token));

            FlightRuntimeException wrong = assertThrows(FlightRuntimeException.class, () -> sql.setSessionOptions(
                    new SetSessionOptionsRequest(Map.of("schema", SessionOptionValueFactory.makeSessionOptionValue("sales"))), token));
            assertTrue(wrong.getMessage().contains("schema 'customer.sales' does not exist"), wrong.getMessage());

            sql.closeSession(new CloseSessionRequest(), token);
            assertEquals(Map.of(), sql.getSessionOptions(new GetSessionOptionsRequest(), token).getSessionOptions());
            FlightRuntimeException gone = assertThrows(FlightRuntimeException.class, () -> singleLong(sql, "SELECT count(*) FROM nation", token));
            assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
        }
    }

    @Test
    void severalParameterRowsRunOncePerRowInOrder() throws Exception {
        try (FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", GATEWAY.port())).build();
                FlightSqlClient sql = new FlightSqlClient(client)) {
            CallOption token = client.authenticateBasicToken("admin", "admin").orElseThrow();
            FlightSqlClient.PreparedStatement statement = sql.prepare("SELECT o_orderkey FROM commerce.sales.orders WHERE o_orderkey = ?", token);
            try (VectorSchemaRoot parameters = VectorSchemaRoot.create(statement.getParameterSchema(), allocator)) {
                assertEquals(List.of(Field.nullable("parameter_1", new ArrowType.Int(64, true))), statement.getParameterSchema().getFields());
                BigIntVector keys = (BigIntVector) parameters.getVector(0);
                keys.allocateNew(3);
                keys.set(0, 3L);
                keys.set(1, 1L);
                keys.set(2, 2L);
                parameters.setRowCount(3);
                statement.setParameters(parameters);
                assertEquals(List.of(3L, 1L, 2L), longs(sql, statement.execute(token), token));
            } finally {
                statement.close(token);
            }
        }
    }

    @Test
    void databaseMetadataDescribesMeshgate() throws Exception {
        try (Connection connection = GATEWAY.connect("admin")) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertEquals("Meshgate", metadata.getDatabaseProductName());
            String version = metadata.getDatabaseProductVersion();
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
            assertEquals("\"", metadata.getIdentifierQuoteString());
            assertFalse(metadata.supportsTransactions());
            assertTrue(metadata.isReadOnly());
            List<String> keywords = List.of(metadata.getSQLKeywords().split("\\s*,\\s*"));
            assertFalse(keywords.contains("SELECT"), "SQL:92 keywords are not listed");
            List<String> numeric = List.of(metadata.getNumericFunctions().split("\\s*,\\s*"));
            assertFalse(numeric.contains("SUM"), "aggregates are not scalar functions");
            assertTrue(numeric.containsAll(List.of("ABS", "ROUND", "MOD", "SQRT")), numeric.toString());
            List<String> strings = List.of(metadata.getStringFunctions().split("\\s*,\\s*"));
            assertTrue(strings.containsAll(List.of("UPPER", "SUBSTRING", "TRIM")), strings.toString());
            assertTrue(List.of(metadata.getTimeDateFunctions().split("\\s*,\\s*")).contains("CURRENT_DATE"), metadata.getTimeDateFunctions());
            assertEquals(128, metadata.getMaxColumnNameLength());
            assertEquals("domain", metadata.getCatalogTerm());
        }
        try (FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", GATEWAY.port())).build();
                FlightSqlClient sql = new FlightSqlClient(client)) {
            CallOption token = client.authenticateBasicToken("admin", "admin").orElseThrow();
            FlightInfo info = sql.getSqlInfo(new SqlInfo[] {SqlInfo.SQL_IDENTIFIER_CASE, SqlInfo.SQL_QUOTED_IDENTIFIER_CASE}, token);
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
                List<Integer> cases = new ArrayList<>();
                while (stream.next()) {
                    DenseUnionVector values = (DenseUnionVector) stream.getRoot().getVector("value");
                    for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                        cases.add(((Number) values.getObject(i)).intValue());
                    }
                }
                int insensitive = SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE_VALUE;
                assertEquals(List.of(insensitive, insensitive), cases);
            }
        }
        // What CASE_INSENSITIVE claims, for quoted names too.
        try (Connection connection = GATEWAY.connect("admin")) {
            assertEquals(25L, count(connection, "SELECT count(*) FROM \"Customer\".\"CRM\".\"Nation\""));
        }
    }

    /**
     * Arrow's JDBC driver 18.3 closes its client twice when a catalog is set, and the second
     * CloseSession meets a shut-down channel (apache/arrow-java#66, #863): that failure is the driver's.
     */
    private static void closeWithCatalog(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            assertTrue(fullMessage(e).contains("Channel shutdown invoked"), fullMessage(e));
        }
    }

    private static long singleLong(FlightSqlClient sql, String query, CallOption token) throws Exception {
        List<Long> values = longs(sql, sql.execute(query, token), token);
        assertEquals(1, values.size());
        return values.get(0);
    }

    private static List<Long> longs(FlightSqlClient sql, FlightInfo info, CallOption token) throws Exception {
        List<Long> values = new ArrayList<>();
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            while (stream.next()) {
                FieldVector vector = stream.getRoot().getVector(0);
                for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                    values.add(((Number) vector.getObject(i)).longValue());
                }
            }
        }
        return values;
    }
}
