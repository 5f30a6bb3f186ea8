package io.meshgate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client side of what a Meshgate cluster may answer, against a tiny Flight SQL server: a
 * result split over two endpoints is read from both, and one connection logs in once and reuses
 * its bearer token for every later call.
 */
class TwoEndpointServerTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("n", new ArrowType.Int(64, true))));

    private final AtomicInteger logins = new AtomicInteger();
    private BufferAllocator allocator;
    private FlightServer server;

    /** Every query has two endpoints: the first streams 1 and 2, the second 3. */
    private final class TwoEndpoints extends NoOpFlightSqlProducer {
        @Override
        public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
                StreamListener<Result> listener) {
            ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(ByteString.copyFromUtf8("q"))
                    .setDatasetSchema(ByteString.copyFrom(SCHEMA.serializeAsMessage()))
                    .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        }

        @Override
        public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
                StreamListener<Result> listener) {
            listener.onCompleted();
        }

        @Override
        public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
                FlightDescriptor descriptor) {
            return new FlightInfo(SCHEMA, descriptor, List.of(endpoint("1,2"), endpoint("3")), -1, -1);
        }

        private FlightEndpoint endpoint(String values) {
            CommandPreparedStatementQuery part = CommandPreparedStatementQuery.newBuilder()
                    .setPreparedStatementHandle(ByteString.copyFromUtf8(values)).build();
            return new FlightEndpoint(new Ticket(Any.pack(part).toByteArray()));
        }

        @Override
        public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
                ServerStreamListener listener) {
            String[] values = command.getPreparedStatementHandle().toString(StandardCharsets.UTF_8).split(",");
            try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
                BigIntVector vector = (BigIntVector) root.getVector("n");
                for (int i = 0; i < values.length; i++) {
                    vector.setSafe(i, Long.parseLong(values[i]));
                }
                root.setRowCount(values.length);
                listener.start(root);
                listener.putNext();
                listener.completed();
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        allocator = new RootAllocator();
        FlightSqlProducer producer = new TwoEndpoints();
        server = FlightServer.builder(allocator, Location.forGrpcInsecure("127.0.0.1", 0), producer)
                .headerAuthenticator(new GeneratedBearerTokenAuthenticator(new BasicCallHeaderAuthenticator((user, password) -> {
                    logins.incrementAndGet();
                    return () -> user;
                })))
                .build()
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        allocator.close();
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "ana");
        credentials.setProperty("password", "ana");
        return DriverManager.getConnection("jdbc:meshgate://127.0.0.1:" + server.getPort(), credentials);
    }

    @Test
    void readsEveryEndpointOfAResult() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT n FROM t")) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            values.sort(null);
            assertEquals(List.of(1L, 2L, 3L), values);
        }
    }

    @Test
    void logsInOncePerConnectionAndReusesTheToken() throws SQLException {
        try (Connection connection = connect()) {
            for (int i = 0; i < 3; i++) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT n FROM t")) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
            }
        }
        assertEquals(1, logins.get(), "one login for the connection, not one per statement");
    }
}
