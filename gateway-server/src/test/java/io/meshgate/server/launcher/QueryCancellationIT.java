package io.meshgate.server.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.config.MeshgateConfig;
import io.meshgate.server.config.QueryConfig;
import io.meshgate.server.config.ServerConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelFlightInfoResult;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping queries on a real server (the demo mesh at scale 0.01): a cancel from Arrow's JDBC
 * driver or from CancelFlightInfo, a client deadline and the server's {@code query.timeout} all
 * stop the query, free every Arrow buffer it held and leave the server answering the next query.
 * The slow queries cross-join lineitem with itself (3.6 billion rows), which none of them finish.
 */
class QueryCancellationIT {
    /** Streams rows from the first moment on, for as long as anyone reads. */
    private static final String STREAMING = "SELECT a.l_orderkey, b.l_partkey FROM commerce.sales.lineitem a CROSS JOIN commerce.sales.lineitem b";
    /** Reads for hours before its one row. */
    private static final String SILENT = "SELECT count(*) FROM commerce.sales.lineitem a CROSS JOIN commerce.sales.lineitem b";

    @TempDir
    static Path data;

    private static MeshgateServer server;
    /** The same mesh with a two-second query.timeout. */
    private static MeshgateServer strict;
    private static BufferAllocator clientAllocator;
    private static FlightClient client;
    private static FlightSqlClient sql;

    @BeforeAll
    static void start() throws Exception {
        Path yaml = DemoMesh.ensure(data, 0.01, new PrintStream(OutputStream.nullOutputStream()));
        MeshgateConfig config = ConfigLoader.load(yaml, Map.of("MESHGATE_PORTAL_PORT", "0")).withServer(new ServerConfig("127.0.0.1", 0));
        server = MeshgateServer.start(config);
        strict = MeshgateServer.start(config.withQuery(new QueryConfig(Duration.ofSeconds(2))));
        clientAllocator = new RootAllocator();
        client = FlightClient.builder(clientAllocator, Location.forGrpcInsecure("127.0.0.1", server.port())).build();
        sql = new FlightSqlClient(client);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sql != null) {
            sql.close();
        }
        if (clientAllocator != null) {
            clientAllocator.close();
        }
        if (strict != null) {
            strict.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void serversHoldNoMemoryAndStillAnswer() throws Exception {
        for (MeshgateServer each : new MeshgateServer[] {server, strict}) {
            awaitNothingAllocated(each);
            try (Connection connection = connect(each, "admin", "admin");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM customer.crm.nation")) {
                assertTrue(rows.next());
                assertEquals(25, rows.getLong(1));
            }
            awaitNothingAllocated(each);
        }
    }

    @Test
    void serverSaysItCancels() throws Exception {
        CallOption token = login("admin");
        FlightInfo info = sql.getSqlInfo(new SqlInfo[] {SqlInfo.FLIGHT_SQL_SERVER_CANCEL}, token);
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
            assertTrue(stream.next());
            assertEquals(1, stream.getRoot().getRowCount());
            String content = stream.getRoot().contentToTSVString();
            assertTrue(content.contains("true"), content);
        }
    }

    @Test
    void jdbcCancelStopsAStreamingQuery() throws Exception {
        try (Connection connection = connect(server, "admin", "admin");
                Statement statement = connection.createStatement()) {
            CountDownLatch reading = new CountDownLatch(1);
            CompletableFuture<Long> rowsRead = CompletableFuture.supplyAsync(() -> {
                long count = 0;
                try (ResultSet rows = statement.executeQuery(STREAMING)) {
                    while (rows.next()) {
                        count++;
                        reading.countDown();
                    }
                    return count;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(reading.await(60, TimeUnit.SECONDS), "the query streams rows");
            statement.cancel();
            Throwable failure = assertThrows(Exception.class, () -> rowsRead.get(60, TimeUnit.SECONDS));
            assertTrue(fullMessage(failure).toLowerCase(java.util.Locale.ROOT).contains("cancel"), fullMessage(failure));
        }
    }

    @Test
    void cancelFlightInfoStopsTheQueryAndTellsTheReader() throws Exception {
        CallOption token = login("admin");
        FlightInfo info = sql.execute(SILENT, token);
        CompletableFuture<FlightRuntimeException> reader = CompletableFuture.supplyAsync(() -> {
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
                while (stream.next()) {
                    // The one row never comes.
                }
                return null;
            } catch (FlightRuntimeException e) {
                return e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRunning(server);
        CancelFlightInfoResult result = sql.cancelFlightInfo(new CancelFlightInfoRequest(info), token);
        assertEquals(CancelStatus.CANCELLED, result.getStatus());
        FlightRuntimeException failure = reader.get(60, TimeUnit.SECONDS);
        assertEquals(FlightStatusCode.CANCELLED, failure.status().code());
        assertEquals("[QUERY_CANCELLED] SQLSTATE 57014: Query cancelled by its user", failure.status().description());
    }

    @Test
    void onlyTheUserWhoStartedAQueryCanCancelIt() throws Exception {
        CallOption admin = login("admin");
        FlightInfo info = sql.execute(STREAMING, admin);
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), admin)) {
            assertTrue(stream.next());
            CancelFlightInfoResult byAna = sql.cancelFlightInfo(new CancelFlightInfoRequest(info), login("ana"));
            assertEquals(CancelStatus.NOT_CANCELLABLE, byAna.getStatus());
            assertTrue(stream.next(), "ana's cancel did not stop admin's query");
            assertEquals(CancelStatus.CANCELLED, sql.cancelFlightInfo(new CancelFlightInfoRequest(info), admin).getStatus());
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, () -> {
                while (stream.next()) {
                    // Batches already in flight may still arrive.
                }
            });
            assertEquals(FlightStatusCode.CANCELLED, failure.status().code());
        }
    }

    @Test
    void aStatementCancelledBeforeItIsFetchedIsGone() {
        CallOption token = login("admin");
        FlightInfo info = sql.execute(SILENT, token);
        assertEquals(CancelStatus.CANCELLED, sql.cancelFlightInfo(new CancelFlightInfoRequest(info), token).getStatus());
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, () -> {
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
                stream.next();
            }
        });
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, failure.status().code());
        assertEquals(CancelStatus.NOT_CANCELLABLE, sql.cancelFlightInfo(new CancelFlightInfoRequest(info), token).getStatus());
    }

    @Test
    void clientDeadlineStopsTheQueryOnTheServer() {
        CallOption token = login("admin");
        FlightInfo info = sql.execute(SILENT, token);
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, () -> {
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token, CallOptions.timeout(1, TimeUnit.SECONDS))) {
                stream.next();
            }
        });
        assertEquals(FlightStatusCode.TIMED_OUT, failure.status().code());
    }

    @Test
    void serverTimeoutFailsTheQueryNamingTheLimit() throws Exception {
        try (Connection connection = connect(strict, "admin", "admin");
                Statement statement = connection.createStatement()) {
            SQLException failure = assertThrows(SQLException.class, () -> {
                try (ResultSet rows = statement.executeQuery(SILENT)) {
                    rows.next();
                }
            });
            String message = fullMessage(failure);
            assertTrue(message.contains("[QUERY_TIMEOUT] SQLSTATE 57014: Query exceeded its 2 s time limit"
                    + " (the server's query.timeout: raise it in meshgate.yaml)"), message);
        }
    }

    @Test
    void serverTimeoutAlsoStopsAQueryWhoseClientDoesNotRead() throws Exception {
        try (FlightClient strictClient = FlightClient.builder(clientAllocator, Location.forGrpcInsecure("127.0.0.1", strict.port())).build();
                FlightSqlClient strictSql = new FlightSqlClient(strictClient)) {
            CallOption token = strictClient.authenticateBasicToken("admin", "admin").orElseThrow();
            FlightInfo info = strictSql.execute(STREAMING, token);
            try (FlightStream stream = strictSql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
                assertTrue(stream.next());
                Thread.sleep(3_000);
                FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, () -> {
                    while (stream.next()) {
                        // Drain what was sent before the limit.
                    }
                });
                assertEquals(FlightStatusCode.TIMED_OUT, failure.status().code());
                assertTrue(failure.status().description().contains("Query exceeded its 2 s time limit"), failure.status().description());
            }
        }
    }

    /**
     * Arrow's JDBC driver keeps the statement's timeout to itself: it stops waiting and throws
     * SQLTimeoutException, but sends no deadline and leaves the call open, so the query on the
     * server stops at the server's own limit.
     */
    @Test
    void jdbcQueryTimeoutStopsTheClientAndQueryTimeoutTheServer() throws Exception {
        try (Connection connection = connect(strict, "admin", "admin");
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            SQLException failure = assertThrows(SQLException.class, () -> {
                try (ResultSet rows = statement.executeQuery(SILENT)) {
                    rows.next();
                }
            });
            assertTrue(fullMessage(failure).contains("Query timed out after 1 SECONDS"), fullMessage(failure));
        }
    }

    private static CallOption login(String user) {
        return client.authenticateBasicToken(user, user).orElseThrow();
    }

    private static Connection connect(MeshgateServer target, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + target.port() + "?useEncryption=false", properties);
    }

    /** Waits until a query runs on the server. */
    private static void awaitRunning(MeshgateServer target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (target.runningQueries() == 0) {
            if (System.nanoTime() > deadline) {
                fail("the query never started running");
            }
            Thread.sleep(20);
        }
    }

    /** The query's thread ends after the client learns of the cancel; its buffers are free soon after. */
    private static void awaitNothingAllocated(MeshgateServer target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (target.allocatedBytes() != 0 || target.runningQueries() != 0) {
            if (System.nanoTime() > deadline) {
                fail("the server still runs " + target.runningQueries() + " queries and holds " + target.allocatedBytes()
                        + " bytes of Arrow memory");
            }
            Thread.sleep(20);
        }
    }

    static String fullMessage(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append('\n');
        }
        return message.toString();
    }
}
