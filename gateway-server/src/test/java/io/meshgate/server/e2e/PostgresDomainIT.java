package io.meshgate.server.e2e;

import static io.meshgate.server.e2e.GovernedShop.code;
import static io.meshgate.server.e2e.GovernedShop.fullMessage;
import static io.meshgate.server.e2e.GovernedShop.sqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.IcebergTestTables;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.connector.jdbc.PostgresTestDatabase;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.launcher.MeshgateServer;
import io.meshgate.server.testing.TempFolders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mesh of an Iceberg domain ({@code shop.sales.orders}) and two PostgreSQL domains
 * ({@code crm.people.customers}, {@code archive.old.records}) served by a real gateway and queried
 * through Arrow's Flight SQL JDBC driver: joins across the domains, the policies of POLICY.md on
 * the PostgreSQL table, queries written to get around them (checked against the statements
 * PostgreSQL logged), and a database that goes down while the gateway runs.
 */
class PostgresDomainIT {
    private static final String HASH_KEY = "postgres-domain-hash-key-0123456789";
    private static final String CUSTOMERS = "crm.people.customers";
    private static final String CARD_1 = "4111111111111111";
    private static final String CARD_3 = "4000000000001111";
    private static final String EMAIL_1 = "ann@example.com";

    private static final String POLICIES = """
            tags:
              - {key: sensitivity, values: [public, internal, confidential], ordered: true}
              - {key: pii, values: [email, card]}
            principals:
              attributes: {region: {type: varchar}}
              users:
                - {name: ana, groups: [analysts], attributes: {region: EU}}
                - {name: gov, groups: [governance, privacy]}
            assignments:
              - {on: {domain: shop}, tags: {sensitivity: internal}}
              - {on: {domain: crm}, tags: {sensitivity: internal}}
              - {on: {domain: archive}, tags: {sensitivity: internal}}
              - {on: {column: crm.people.customers.email}, tags: {pii: email}}
              - {on: {column: crm.people.customers.card}, tags: {pii: card}}
            grants:
              - id: governance-all
                to: {groups: [governance]}
                permissions: [SELECT, DESCRIBE, METADATA_READ]
                on: {all: true}
                columns: {all: true}
              - id: analysts-internal
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {match: {key: sensitivity, at_most: internal}}
                columns: {all: true}
            restrictions:
              - id: own-region-customers
                kind: ROW_FILTER
                to: {all: true}
                except: {groups: [governance]}
                on: {table: crm.people.customers}
                rows: "region = :principal.region"
              - id: last-four-of-cards
                kind: COLUMN_MASK
                to: {all: true}
                except: {groups: [governance]}
                columns: {match: {key: pii, in: [card]}}
                mask: {fn: SHOW_LAST_N, n: 4}
              - id: hash-emails
                kind: COLUMN_MASK
                to: {all: true}
                except: {groups: [privacy]}
                columns: {match: {key: pii, in: [email]}}
                mask: {fn: HASH}
            """;

    private static final Schema ORDERS = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.required(2, "customer_id", Types.IntegerType.get()),
            Types.NestedField.required(3, "amount", Types.IntegerType.get()));

    private static Path directory;
    private static PostgresTestDatabase crm;
    private static PostgresTestDatabase archive;
    private static MeshgateServer server;

    @BeforeAll
    static void start() throws Exception {
        directory = Files.createTempDirectory("meshgate-postgres-domain-");
        crm = PostgresTestDatabase.start(directory.resolve("crm"));
        crm.execute("CREATE SCHEMA crm",
                "CREATE TABLE crm.customers (id integer PRIMARY KEY, name text, email text, region text, card text, credit numeric(12,2))",
                "INSERT INTO crm.customers VALUES (1, 'Ann', '" + EMAIL_1 + "', 'EU', '" + CARD_1 + "', 100),"
                        + " (2, 'Bob', 'bob@example.org', 'US', '5500000000000004', 250),"
                        + " (3, 'Cid', 'cid@example.net', 'EU', '" + CARD_3 + "', 80),"
                        + " (4, 'Dee', 'dee@example.com', 'APAC', '3400000000000009', 300)");
        crm.execute("""
                CREATE TABLE crm.kinds (id smallint, ratio real, flag boolean, born date, opens time, seen timestamp, paid timestamptz,
                    photo bytea, ref uuid, extra jsonb)""",
                """
                INSERT INTO crm.kinds VALUES (7, 0.5, true, DATE '2024-02-29', TIME '08:30:00', TIMESTAMP '2024-02-29 08:30:00.250',
                    TIMESTAMPTZ '2024-02-29 08:30:00+01', '\\x00ff', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"k": [1, 2]}')""");
        crm.execute("CREATE VIEW crm.slow AS SELECT 1 AS x FROM pg_sleep(60)");
        crm.grantReader("crm");
        archive = PostgresTestDatabase.start(directory.resolve("archive"));
        archive.execute("CREATE SCHEMA old", "CREATE TABLE old.records (id integer, note text)", "INSERT INTO old.records VALUES (1, 'kept')");
        archive.grantReader("old");
        writeOrders();
        Path policies = Files.createDirectories(directory.resolve("policies"));
        Files.writeString(policies.resolve("policies.yaml"), POLICIES);
        String yaml = """
                server: {host: 127.0.0.1, port: 0}
                portal: {port: 0}
                auth:
                  users:
                    - {name: ana, password: {plain: ana}, groups: [analysts]}
                    - {name: gov, password: {plain: gov}, groups: [governance, privacy]}
                policies: "%s"
                policy-hash-key: "%s"
                domains:
                  - name: shop
                    catalog: {type: jdbc, uri: "%s", catalog-name: shop, warehouse: "%s"}
                  - name: crm
                    catalog: {type: postgresql, url: "%s", user: %s, password: %s, pool-size: 4, connection-timeout: 2s}
                    schemas:
                      - {name: people, namespace: crm}
                  - name: archive
                    catalog: {type: postgresql, url: "%s", user: %s, password: %s, pool-size: 2, connection-timeout: 1s}
                    schemas:
                      - {name: old, namespace: old}
                """.formatted(policies, HASH_KEY, catalogUri(), warehouse(), crm.url(), PostgresTestDatabase.READER,
                PostgresTestDatabase.READER_PASSWORD, archive.url(), PostgresTestDatabase.READER, PostgresTestDatabase.READER_PASSWORD);
        server = MeshgateServer.start(ConfigLoader.parse(yaml, "meshgate.yaml", Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        try (PostgresTestDatabase first = crm; PostgresTestDatabase second = archive) {
            if (server != null) {
                server.close();
            }
        } finally {
            TempFolders.delete(directory);
        }
    }

    private static String catalogUri() {
        return "jdbc:sqlite:" + directory.resolve("shop-catalog.db").toAbsolutePath();
    }

    private static String warehouse() {
        String uri = directory.resolve("shop-warehouse").toAbsolutePath().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static void writeOrders() throws Exception {
        Files.createDirectories(directory.resolve("shop-warehouse"));
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(new JdbcCatalogSpec(catalogUri(), Optional.empty(), Optional.empty(), "shop",
                warehouse(), S3Options.defaults()))) {
            Table table = IcebergTestTables.create(catalog, TableIdentifier.of(Namespace.of("sales"), "orders"), ORDERS,
                    PartitionSpec.unpartitioned(), Map.of("format-version", "2"));
            List<Record> records = new ArrayList<>();
            for (int[] order : new int[][] {{10, 1, 50}, {11, 2, 70}, {12, 3, 20}, {13, 4, 90}, {14, 1, 5}}) {
                GenericRecord record = GenericRecord.create(ORDERS);
                record.setField("id", (long) order[0]);
                record.setField("customer_id", order[1]);
                record.setField("amount", order[2]);
                records.add(record);
            }
            IcebergTestTables.append(table, records);
        }
    }

    private static Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", user);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", properties);
    }

    private static List<List<Object>> rows(String user, String sql) throws SQLException {
        try (Connection connection = connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return GovernedShop.read(result);
        }
    }

    private static String explain(String user, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        rows(user, "EXPLAIN PLAN FOR " + sql).forEach(row -> row.forEach(cell -> plan.append(cell).append('\n')));
        return plan.toString();
    }

    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aJoinAcrossDomainsReadsIcebergAndPostgresTogether() throws Exception {
        String join = "SELECT o.id, c.name, o.amount FROM shop.sales.orders o JOIN " + CUSTOMERS + " c ON o.customer_id = c.id";
        assertEquals(List.of(List.of(10L, "Ann", 50), List.of(11L, "Bob", 70), List.of(12L, "Cid", 20), List.of(13L, "Dee", 90),
                List.of(14L, "Ann", 5)), rows("gov", join + " ORDER BY o.id"));
        String plan = explain("gov", join);
        assertTrue(plan.contains("table=[crm.people.customers], columns=[id, name]"), "only the joined columns are read: " + plan);
    }

    @Test
    void postgresTypesArriveThroughFlightSql() throws Exception {
        try (Connection connection = connect("gov"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, ratio, flag, born, opens, seen, paid, photo, ref, extra FROM crm.people.kinds")) {
            assertTrue(result.next());
            assertEquals(7, result.getShort("id"));
            assertEquals(0.5f, result.getFloat("ratio"));
            assertTrue(result.getBoolean("flag"));
            assertEquals(java.time.LocalDate.of(2024, 2, 29), result.getDate("born").toLocalDate());
            assertEquals(java.time.LocalTime.of(8, 30), result.getTime("opens").toLocalTime());
            assertEquals(java.time.LocalDateTime.of(2024, 2, 29, 8, 30, 0, 250_000_000), result.getTimestamp("seen").toLocalDateTime());
            assertEquals(java.time.Instant.parse("2024-02-29T07:30:00Z"), result.getTimestamp("paid").toInstant());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {0, (byte) 0xff}, result.getBytes("photo"));
            assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", result.getString("ref"));
            assertEquals("{\"k\": [1, 2]}", result.getString("extra"));
            assertEquals(java.sql.Types.SMALLINT, result.getMetaData().getColumnType(1));
            assertFalse(result.next());
        }
    }

    @Test
    void policiesOnThePostgresTableFilterRowsAndMaskColumns() throws Exception {
        assertEquals(List.of(List.of(1, "Ann", hmac(EMAIL_1), "************1111"),
                        List.of(3, "Cid", hmac("cid@example.net"), "************1111")),
                rows("ana", "SELECT id, name, email, card FROM " + CUSTOMERS + " ORDER BY id"));
        assertEquals(List.of(List.of(10L, "Ann"), List.of(12L, "Cid"), List.of(14L, "Ann")), rows("ana",
                "SELECT o.id, c.name FROM shop.sales.orders o JOIN " + CUSTOMERS + " c ON o.customer_id = c.id ORDER BY o.id"),
                "a join reaches only the customers the analyst may see");
        assertEquals(List.of(List.of(2L)), rows("ana", "SELECT count(*) FROM " + CUSTOMERS), "counts see only visible rows (B2)");
        assertTrue(explain("ana", "SELECT id FROM " + CUSTOMERS).contains("PolicyBarrier(table=[crm.people.customers])"));
    }

    @Test
    void aPredicateOnAMaskedColumnNeverReachesPostgres() throws Exception {
        int mark = crm.logMark();
        assertEquals(List.of(), rows("ana", "SELECT id FROM " + CUSTOMERS + " WHERE card = '" + CARD_1 + "'"));
        assertEquals(List.of(), rows("ana", "SELECT id FROM " + CUSTOMERS + " WHERE email = '" + EMAIL_1 + "'"));
        assertEquals(List.of(), rows("ana", "SELECT id FROM " + CUSTOMERS + " WHERE card IN ('" + CARD_1 + "', '" + CARD_3 + "')"));
        assertEquals(List.of(List.of(1), List.of(3)), rows("ana", "SELECT id FROM " + CUSTOMERS + " WHERE card = '************1111' ORDER BY id"),
                "predicates see the masked values (R7)");
        assertEquals(List.of(List.of(3)), rows("ana", "SELECT id FROM " + CUSTOMERS + " WHERE id = 3"));
        List<String> log = crm.logSince(mark);
        for (String raw : List.of(CARD_1, CARD_3, EMAIL_1, "************1111")) {
            assertTrue(log.stream().noneMatch(line -> line.contains(raw)), raw + " was sent to PostgreSQL:\n" + String.join("\n", log));
        }
        assertTrue(log.stream().anyMatch(line -> line.contains("WHERE") && line.contains("\"id\" = $")),
                "a predicate on a plain column is pushed (B1):\n" + String.join("\n", log));
    }

    @Test
    void aPushedPredicateOnAFilteredTableStillReturnsOnlyVisibleRows() throws Exception {
        int mark = crm.logMark();
        assertEquals(List.of(), rows("ana", "SELECT id, name FROM " + CUSTOMERS + " WHERE region = 'US'"));
        assertEquals(List.of(), rows("ana", "SELECT id, name FROM " + CUSTOMERS + " WHERE id = 2"));
        assertEquals(List.of(List.of(3, "Cid")), rows("ana", "SELECT id, name FROM " + CUSTOMERS + " WHERE id >= 2 ORDER BY id"));
        List<String> log = crm.logSince(mark);
        assertTrue(log.stream().anyMatch(line -> line.contains("parameters:") && line.contains("'US'")),
                "the user's predicate on a plain column went to PostgreSQL:\n" + String.join("\n", log));
        assertEquals(List.of(List.of(2, "Bob")), rows("gov", "SELECT id, name FROM " + CUSTOMERS + " WHERE region = 'US'"));
    }

    @Test
    void anErrorOnAHiddenRowDoesNotSurface() throws Exception {
        assertEquals(List.of(List.of(1), List.of(3)),
                rows("ana", "SELECT id FROM " + CUSTOMERS + " WHERE 1/(credit - 250) > -1 ORDER BY id"),
                "Bob's credit of 250 is in a row the analyst cannot see (B1)");
        SQLException division = assertThrows(SQLException.class,
                () -> rows("gov", "SELECT id FROM " + CUSTOMERS + " WHERE 1/(credit - 250) > -1"));
        assertEquals("DIVISION_BY_ZERO", code(division), fullMessage(division));
        assertEquals(List.of(List.of(new BigDecimal("100.00"))), rows("gov", "SELECT credit FROM " + CUSTOMERS + " WHERE id = 1"));
    }

    /**
     * A query stopped on the server (here by the deadline of the client's call; also by CancelFlightInfo, a cancelled call or the
     * server's query.timeout) stops its statement in PostgreSQL. Arrow's JDBC driver is not used: its timeout and its cancel of a
     * statement still waiting for its first batch never reach the server.
     */
    @Test
    void aQueryStoppedOnTheServerStopsItsStatementInPostgres() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port())).build();
                FlightSqlClient sql = new FlightSqlClient(client)) {
            CallOption token = client.authenticateBasicToken("gov", "gov").orElseThrow();
            FlightInfo info = sql.execute("SELECT x FROM crm.people.slow", token);
            CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(() -> {
                try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token, CallOptions.timeout(5, TimeUnit.SECONDS))) {
                    return stream.next();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            crm.awaitActiveReaderStatements("\"crm\".\"slow\"", 1);
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> reading.get(30, TimeUnit.SECONDS));
            assertEquals(FlightStatusCode.TIMED_OUT, assertInstanceOf(FlightRuntimeException.class, stopped.getCause()).status().code());
            crm.awaitActiveReaderStatements("\"crm\".\"slow\"", 0);
        }
    }

    @Test
    void aDatabaseThatGoesDownFailsItsQueriesClearlyWhileOtherDomainsAnswer() throws Exception {
        assertEquals(List.of(List.of(1, "kept")), rows("gov", "SELECT id, note FROM archive.old.records"));
        archive.close();

        SQLException down = assertThrows(SQLException.class, () -> rows("gov", "SELECT id, note FROM archive.old.records"));
        String message = fullMessage(down);
        assertEquals("EXTERNAL_ERROR", code(down), message);
        assertEquals("58030", sqlState(down), message);
        assertTrue(message.contains("PostgreSQL database 'postgres' at 127.0.0.1:" + archive.port() + " of domain 'archive'"), message);
        assertFalse(message.contains(PostgresTestDatabase.READER_PASSWORD), message);

        assertEquals(List.of(List.of(5L)), rows("gov", "SELECT count(*) FROM shop.sales.orders"));
        assertEquals(List.of(List.of(4L)), rows("gov", "SELECT count(*) FROM " + CUSTOMERS));
        try (Connection connection = connect("gov"); ResultSet catalogs = connection.getMetaData().getCatalogs()) {
            assertEquals(List.of(List.of("crm"), List.of("mesh"), List.of("shop")), GovernedShop.read(catalogs), "the listing leaves out only the domain that is down");
        }
        assertEquals(List.of(List.of(10L, "Ann")), rows("gov",
                "SELECT o.id, c.name FROM shop.sales.orders o JOIN " + CUSTOMERS + " c ON o.customer_id = c.id WHERE o.id = 10"));
    }
}
