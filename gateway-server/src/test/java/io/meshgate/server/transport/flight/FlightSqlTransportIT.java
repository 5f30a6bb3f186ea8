package io.meshgate.server.transport.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.engine.BoundParameters;
import io.meshgate.engine.PreparedQuery;
import io.meshgate.engine.RelationAccess;
import io.meshgate.engine.Session;
import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.SchemaBinding;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.error.SqlPosition;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessPolicy;
import io.meshgate.policy.eval.CellCase;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.ExpressionBinder;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.policy.model.Mask;
import io.meshgate.server.audit.AuditDecision;
import io.meshgate.server.audit.AuditRecord;
import io.meshgate.server.audit.QueryAuditor;
import io.meshgate.server.audit.QueryEvent;
import io.meshgate.server.auth.FlightAuthentication;
import io.meshgate.server.auth.UserDirectory;
import io.meshgate.server.config.Password;
import io.meshgate.server.config.QueryConfig;
import io.meshgate.server.config.ServerConfig;
import io.meshgate.server.config.UserConfig;
import io.meshgate.server.error.FlightErrorMapper;
import io.meshgate.spi.BatchStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.util.TableRef;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight SQL transport against a real server and a real Flight SQL client: authentication,
 * listings over a real Iceberg catalog, streaming and error mapping. Queries come from a small
 * in-test preparer so that the transport is tested on its own; the engine is covered end to end
 * in {@code MeshgateServerIT}.
 */
class FlightSqlTransportIT {
    private static final Schema NUMBERS = new Schema(List.of(Field.nullable("n", new ArrowType.Int(32, true))));
    private static final int BATCHES = 5;
    private static final int ROWS_PER_BATCH = 3;

    @TempDir
    static Path temp;

    private static BufferAllocator allocator;
    private static MeshCatalog mesh;
    private static FlightSqlEndpoint endpoint;
    private static FlightClient client;
    private static FlightSqlClient sql;
    private static final AtomicInteger openStreams = new AtomicInteger();
    private static final List<AuditRecord> audited = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch firstBatchReceived = new CountDownLatch(0);
    private static final AtomicBoolean lastBatchReadAfterFirstReceived = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        allocator = new RootAllocator();
        JdbcCatalogSpec spec = new JdbcCatalogSpec("jdbc:sqlite:" + temp.resolve("commerce.db"), Optional.empty(), Optional.empty(),
                "commerce", temp.resolve("warehouse").toUri().toString(), S3Options.defaults());
        IcebergConnector connector = IcebergConnector.open(spec);
        ((SupportsNamespaces) connector.catalog()).createNamespace(Namespace.of("commerce"));
        connector.catalog().createTable(TableIdentifier.of("commerce", "orders"), new org.apache.iceberg.Schema(
                Types.NestedField.required(1, "o_orderkey", Types.LongType.get()),
                Types.NestedField.optional(2, "o_comment", Types.StringType.get())));
        connector.catalog().createTable(TableIdentifier.of("commerce", "lineitem"), new org.apache.iceberg.Schema(
                Types.NestedField.required(1, "l_orderkey", Types.LongType.get())));
        mesh = new MeshCatalog(List.of(new Domain("commerce", connector, List.of(new SchemaBinding("sales", "commerce")))));
        UserDirectory users = new UserDirectory(List.of(
                new UserConfig("admin", new Password.Plain("admin"), Set.of()),
                new UserConfig("bob", new Password.Bcrypt(at.favre.lib.crypto.bcrypt.BCrypt.withDefaults()
                        .hashToString(4, "b0b-pass".toCharArray())), Set.of("analysts"))));
        Governance governance = new Governance(new BobSeesOrderKeysOnly(), HashKey.of("0123456789abcdef-test"));
        endpoint = FlightSqlEndpoint.start(new ServerConfig("127.0.0.1", 0), QueryConfig.DEFAULT_TIMEOUT, FlightSqlTransportIT::prepare,
                principal -> new CatalogView(mesh, governance, principal), SystemTables.standard(), new QueryAuditor(audited::add, governance),
                users, FlightAuthentication.create(users, Duration.ofSeconds(2)), allocator);
        client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", endpoint.port())).build();
        sql = new FlightSqlClient(client);
    }

    @AfterAll
    static void stop() throws Exception {
        sql.close();
        endpoint.close();
        mesh.close();
        allocator.close();
    }

    private static PreparedQuery prepare(Session session, String text) {
        if (text.startsWith("SELECT n")) {
            return new NumbersQuery();
        }
        if (text.equals("SELECT whoami")) {
            throw new MeshgateException(ErrorCode.PERMISSION_DENIED, "User '" + session.principal().name() + "' may not run this");
        }
        throw new MeshgateException(ErrorCode.SYNTAX_ERROR, "Encountered \"FORM\"", Optional.of(new SqlPosition(1, 10)), null);
    }

    private static CallOption login(String user, String password) {
        Optional<CredentialCallOption> token = client.authenticateBasicToken(user, password);
        assertTrue(token.isPresent());
        return token.get();
    }

    @Test
    void goodPasswordGetsATokenThatLaterCallsUse() {
        CallOption token = login("admin", "admin");
        assertEquals(List.of("commerce", "mesh"), catalogs(token));
        CallOption bcryptToken = login("bob", "b0b-pass");
        assertEquals(List.of("commerce", "mesh"), catalogs(bcryptToken));
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        FlightRuntimeException wrong = assertThrows(FlightRuntimeException.class, () -> client.authenticateBasicToken("admin", "nope"));
        FlightRuntimeException unknown = assertThrows(FlightRuntimeException.class, () -> client.authenticateBasicToken("mallory", "admin"));
        assertEquals(FlightStatusCode.UNAUTHENTICATED, wrong.status().code());
        assertEquals(FlightStatusCode.UNAUTHENTICATED, unknown.status().code());
        assertEquals("[AUTHENTICATION_FAILED] SQLSTATE 28000: Invalid user name or password", wrong.getMessage());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void callsWithoutCredentialsAreRefused() {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> catalogs());
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());
    }

    @Test
    void tokensExpire() throws InterruptedException {
        CallOption token = login("admin", "admin");
        Thread.sleep(2_500);
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> catalogs(token));
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());
        assertEquals("[AUTHENTICATION_FAILED] SQLSTATE 28000: Bearer token expired: log in again with user name and password",
                e.status().description());
    }

    @Test
    void listingsReadTheMeshWithPatterns() throws Exception {
        CallOption token = login("admin", "admin");
        assertEquals(List.of("commerce|sales"), rows(sql.getSchemas(null, "sa%", token), token, "catalog_name", "db_schema_name"));
        assertEquals(List.of(), rows(sql.getSchemas("customer", null, token), token, "catalog_name", "db_schema_name"));
        assertEquals(List.of("commerce|sales|lineitem|TABLE", "commerce|sales|orders|TABLE"),
                rows(sql.getTables("commerce", "sales", null, null, false, token), token,
                        "catalog_name", "db_schema_name", "table_name", "table_type"));
        assertEquals(List.of("commerce|sales|orders|TABLE"),
                rows(sql.getTables(null, null, "or_ers", List.of("TABLE"), false, token), token,
                        "catalog_name", "db_schema_name", "table_name", "table_type"));
        assertEquals(List.of("LINK", "SYSTEM TABLE", "TABLE"), rows(sql.getTableTypes(token), token, "table_type"));
        assertEquals(List.of("mesh|meta|columns|SYSTEM TABLE", "mesh|meta|freshness|SYSTEM TABLE", "mesh|meta|lineage|SYSTEM TABLE",
                "mesh|meta|links|SYSTEM TABLE", "mesh|meta|products|SYSTEM TABLE"),
                rows(sql.getTables(null, null, null, List.of("SYSTEM TABLE"), false, token), token,
                        "catalog_name", "db_schema_name", "table_name", "table_type"));
        assertEquals(List.of("mesh|meta"), rows(sql.getSchemas("mesh", null, token), token, "catalog_name", "db_schema_name"));
        assertEquals(List.of(), rows(sql.getPrimaryKeys(TableRef.of("commerce", "sales", "orders"), token), token, "pk_name"));
        assertEquals(List.of(), rows(sql.getExportedKeys(TableRef.of("commerce", "sales", "orders"), token), token, "pk_table_name"));
        assertEquals(List.of(), rows(sql.getImportedKeys(TableRef.of("commerce", "sales", "orders"), token), token, "pk_table_name"));
    }

    @Test
    void tablesWithSchemaCarryTheArrowSchema() throws Exception {
        CallOption token = login("admin", "admin");
        FlightInfo info = sql.getTables("commerce", "sales", "orders", null, true, token);
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            assertTrue(stream.next());
            byte[] bytes = ((org.apache.arrow.vector.VarBinaryVector) stream.getRoot().getVector("table_schema")).get(0);
            Schema schema = Schema.deserializeMessage(java.nio.ByteBuffer.wrap(bytes));
            assertEquals(List.of("o_orderkey", "o_comment"), schema.getFields().stream().map(Field::getName).toList());
        }
    }

    @Test
    void listingsShowOnlyWhatTheCallerMayDescribe() throws Exception {
        CallOption token = login("bob", "b0b-pass");
        assertEquals(List.of("commerce", "mesh"), catalogs(token));
        assertEquals(List.of("commerce|sales", "mesh|meta"), rows(sql.getSchemas(null, null, token), token, "catalog_name", "db_schema_name"));
        assertEquals(List.of("commerce|sales|orders|TABLE", "mesh|meta|columns|SYSTEM TABLE", "mesh|meta|freshness|SYSTEM TABLE",
                        "mesh|meta|lineage|SYSTEM TABLE", "mesh|meta|links|SYSTEM TABLE", "mesh|meta|products|SYSTEM TABLE"),
                rows(sql.getTables(null, null, null, null, false, token), token, "catalog_name", "db_schema_name", "table_name", "table_type"));
        assertEquals(List.of(), rows(sql.getTables("commerce", "sales", "lineitem", null, false, token), token, "table_name"));
        FlightInfo info = sql.getTables("commerce", "sales", null, null, true, token);
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            assertTrue(stream.next());
            assertEquals(1, stream.getRoot().getRowCount());
            byte[] bytes = ((org.apache.arrow.vector.VarBinaryVector) stream.getRoot().getVector("table_schema")).get(0);
            Schema schema = Schema.deserializeMessage(java.nio.ByteBuffer.wrap(bytes));
            assertEquals(List.of("o_orderkey"), schema.getFields().stream().map(Field::getName).toList(), "only the visible column");
        }
    }

    @Test
    void sqlInfoNamesTheServerAndSaysReadOnly() throws Exception {
        CallOption token = login("admin", "admin");
        FlightInfo info = sql.getSqlInfo(new org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo[] {
            org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.FLIGHT_SQL_SERVER_NAME,
            org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.FLIGHT_SQL_SERVER_READ_ONLY}, token);
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            assertTrue(stream.next());
            assertEquals(2, stream.getRoot().getRowCount());
            String content = stream.getRoot().contentToTSVString();
            assertTrue(content.contains("Meshgate"), content);
        }
    }

    @Test
    void typeInfoListsTheServedTypes() throws Exception {
        CallOption token = login("admin", "admin");
        List<String> names = rows(sql.getXdbcTypeInfo(token), token, "type_name");
        // Every type name GetTables gives a column (one per Iceberg type) has its row.
        assertEquals(List.of("BOOLEAN", "INTEGER", "BIGINT", "REAL", "DOUBLE", "DECIMAL", "VARCHAR", "BINARY", "VARBINARY", "DATE",
                "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "ARRAY", "MAP", "STRUCT"), names);
        assertEquals(List.of("DATE"), rows(sql.getXdbcTypeInfo(java.sql.Types.DATE, token), token, "type_name"));
        assertEquals(List.of("TIMESTAMP WITH TIME ZONE"),
                rows(sql.getXdbcTypeInfo(java.sql.Types.TIMESTAMP_WITH_TIMEZONE, token), token, "type_name"));
    }

    @Test
    void statementResultsStreamBatchByBatchAndCloseTheStream() throws Exception {
        CallOption token = login("admin", "admin");
        firstBatchReceived = new CountDownLatch(1);
        FlightInfo info = sql.execute("SELECT n FROM numbers", token);
        assertEquals(NUMBERS, info.getSchema());
        List<Integer> values = new ArrayList<>();
        int batches = 0;
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            while (stream.next()) {
                batches++;
                firstBatchReceived.countDown();
                IntVector n = (IntVector) stream.getRoot().getVector("n");
                for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                    values.add(n.get(i));
                }
            }
        }
        assertEquals(BATCHES, batches);
        assertEquals(BATCHES * ROWS_PER_BATCH, values.size());
        assertEquals(0, values.get(0));
        assertTrue(lastBatchReadAfterFirstReceived.get(), "the client had the first batch before the server read the last");
        assertEquals(0, openStreams.get(), "the batch stream was closed");
        // The ticket is single-use.
        FlightRuntimeException again = assertThrows(FlightRuntimeException.class,
                () -> drain(sql.getStream(info.getEndpoints().get(0).getTicket(), token)));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, again.status().code());
    }

    @Test
    void preparedStatementsRunAsOftenAsAskedUntilClosed() throws Exception {
        CallOption token = login("admin", "admin");
        audited.clear();
        try (FlightSqlClient.PreparedStatement prepared = sql.prepare("SELECT n FROM numbers", token)) {
            assertEquals(NUMBERS, prepared.getResultSetSchema());
            for (int run = 0; run < 2; run++) {
                FlightInfo info = prepared.execute(token);
                assertEquals(BATCHES * ROWS_PER_BATCH, drain(sql.getStream(info.getEndpoints().get(0).getTicket(), token)));
            }
            prepared.close(token);
        }
        assertEquals(2, audited.size(), "one audit record per execution: " + audited);
        assertNotEquals(audited.get(0).queryId(), audited.get(1).queryId());
        for (AuditRecord record : audited) {
            assertEquals("admin", record.principal().user());
            assertEquals("127.0.0.1", record.principal().address());
            assertEquals("SELECT n FROM numbers", record.statement().text());
            assertEquals(AuditDecision.ALLOW, record.decision());
            assertEquals(QueryEvent.Outcome.COMPLETED, record.outcome());
            assertEquals(BATCHES * ROWS_PER_BATCH, record.rows());
        }
    }

    @Test
    void errorsCarryCodeSqlStateAndPositionButNoStackTrace() {
        CallOption token = login("admin", "admin");
        FlightRuntimeException syntax = assertThrows(FlightRuntimeException.class, () -> sql.execute("SELECT * FORM x", token));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, syntax.status().code());
        assertEquals("[SYNTAX_ERROR] SQLSTATE 42601: line 1:10: Encountered \"FORM\"", syntax.getMessage());
        assertEquals("42601", syntax.status().metadata().get(FlightErrorMapper.SQLSTATE_KEY));
        assertFalse(syntax.getMessage().contains("at io.meshgate"));

        FlightRuntimeException prepare = assertThrows(FlightRuntimeException.class, () -> sql.prepare("SELECT whoami", token));
        assertEquals(FlightStatusCode.UNAUTHORIZED, prepare.status().code());
        assertEquals("[PERMISSION_DENIED] SQLSTATE 42501: User 'admin' may not run this", prepare.getMessage());
    }

    @Test
    void statementsThatFailToPlanAreAuditedAsDeniedOrFailed() {
        CallOption token = login("admin", "admin");
        audited.clear();
        assertThrows(FlightRuntimeException.class, () -> sql.execute("SELECT * FORM x WHERE y = 'secret'", token));
        assertThrows(FlightRuntimeException.class, () -> sql.prepare("SELECT whoami", token));
        assertEquals(2, audited.size(), audited.toString());
        AuditRecord syntax = audited.get(0);
        assertEquals(AuditDecision.ERROR, syntax.decision());
        assertEquals(Optional.of(ErrorCode.SYNTAX_ERROR), syntax.error());
        assertEquals("SELECT * FORM x WHERE y = ?", syntax.statement().text());
        assertEquals(List.of(), syntax.relations());
        AuditRecord denied = audited.get(1);
        assertEquals(AuditDecision.DENY, denied.decision());
        assertEquals(Optional.of(ErrorCode.PERMISSION_DENIED), denied.error());
    }

    private static int drain(FlightStream stream) throws Exception {
        int rows = 0;
        try (stream) {
            while (stream.next()) {
                rows += stream.getRoot().getRowCount();
            }
        }
        return rows;
    }

    private static List<String> catalogs(CallOption... options) {
        try {
            FlightInfo info = sql.getCatalogs(options);
            return rows(info, options.length == 0 ? login("admin", "admin") : options[0], "catalog_name");
        } catch (FlightRuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(FlightInfo info, CallOption token, String... columns) throws Exception {
        List<String> rows = new ArrayList<>();
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    List<String> values = new ArrayList<>();
                    for (String column : columns) {
                        Object value = root.getVector(column).getObject(i);
                        values.add(String.valueOf(value));
                    }
                    rows.add(String.join("|", values));
                }
            }
        }
        return rows;
    }

    private static boolean awaitFirstBatchReceived() {
        try {
            return firstBatchReceived.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Everyone sees everything, except bob: no lineitem, and only o_orderkey of orders. */
    private static final class BobSeesOrderKeysOnly implements AccessPolicy {
        @Override
        public String revision() {
            return "test-1";
        }

        @Override
        public ResolvedPrincipal resolve(Principal principal) {
            return new ResolvedPrincipal(principal.name(), principal.groups(), Set.of(), Map.of(), Map.of());
        }

        @Override
        public AccessDecision decide(Principal principal, TableDescriptor table, ExpressionBinder binder) {
            if (!principal.name().equals("bob")) {
                return AccessDecision.unrestricted(revision(), table);
            }
            if (!table.table().equals("orders")) {
                return AccessDecision.invisible(revision(), table, Set.of());
            }
            ColumnAccess key = new ColumnAccess(table.columns().get(0), List.of(new CellCase(Optional.empty(), Mask.NONE)), true);
            return new AccessDecision(revision(), table, true, List.of(key), new RowRule(List.of(), List.of()), Optional.empty(), false,
                    Set.of("bob-orders"), Set.of(), Set.of());
        }
    }

    /** Numbers 0..14 in five batches of three, read lazily; reading the last waits until the client has the first. */
    private static final class NumbersQuery implements PreparedQuery {
        @Override
        public Schema resultSchema() {
            return NUMBERS;
        }

        @Override
        public Schema parameterSchema() {
            return new Schema(List.of());
        }

        @Override
        public List<RelationAccess> relations() {
            return List.of();
        }

        @Override
        public BatchStream execute(BoundParameters parameters) {
            openStreams.incrementAndGet();
            VectorSchemaRoot root = VectorSchemaRoot.create(NUMBERS, allocator);
            return new BatchStream() {
                private int batch = -1;

                @Override
                public boolean next() {
                    batch++;
                    if (batch == BATCHES - 1) {
                        lastBatchReadAfterFirstReceived.set(awaitFirstBatchReceived());
                    }
                    if (batch >= BATCHES) {
                        return false;
                    }
                    IntVector n = (IntVector) root.getVector("n");
                    n.allocateNew(ROWS_PER_BATCH);
                    for (int i = 0; i < ROWS_PER_BATCH; i++) {
                        n.set(i, batch * ROWS_PER_BATCH + i);
                    }
                    root.setRowCount(ROWS_PER_BATCH);
                    return true;
                }

                @Override
                public VectorSchemaRoot current() {
                    return root;
                }

                @Override
                public void close() {
                    root.close();
                    openStreams.decrementAndGet();
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
