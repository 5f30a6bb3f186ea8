package io.meshgate.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.ScanRows;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.ScanPredicate;
import io.meshgate.spi.ScanPredicate.Operator;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector against a real PostgreSQL server, logged in as an ordinary user with a password. */
class PostgresConnectorTest {
    @TempDir
    static Path directory;
    static PostgresTestDatabase database;
    static PostgresConnector connector;
    static BufferAllocator allocator;

    @BeforeAll
    static void start() throws IOException {
        database = PostgresTestDatabase.start(directory);
        database.execute(
                "CREATE SCHEMA shop",
                """
                CREATE TABLE shop.customers (id integer PRIMARY KEY, name text NOT NULL, email varchar(100), region char(4),
                    balance numeric(12,2), joined date)""",
                "COMMENT ON TABLE shop.customers IS 'Customers of the shop'",
                "COMMENT ON COLUMN shop.customers.email IS 'Where receipts go'",
                """
                INSERT INTO shop.customers SELECT g, 'customer ' || g, 'c' || g || '@example.com',
                    CASE WHEN g % 2 = 0 THEN 'EU' ELSE 'US' END, g * 10.5, DATE '2024-01-01' + g FROM generate_series(1, 20) g""",
                "CREATE VIEW shop.eu_customers AS SELECT id, name FROM shop.customers WHERE region = 'EU'",
                "CREATE MATERIALIZED VIEW shop.regions AS SELECT DISTINCT region FROM shop.customers",
                "CREATE TABLE shop.\"odd$name\" (x integer)",
                "CREATE TYPE shop.mood AS ENUM ('sad', 'happy')",
                "CREATE DOMAIN shop.positive AS integer CHECK (VALUE > 0)",
                """
                CREATE TABLE shop.all_types (c_smallint smallint, c_integer integer, c_bigint bigint, c_numeric numeric(20,4),
                    c_real real, c_double double precision, c_boolean boolean, c_text text, c_varchar varchar(10), c_char char(5),
                    c_date date, c_time time, c_timestamp timestamp, c_timestamptz timestamptz, c_bytea bytea, c_uuid uuid,
                    c_jsonb jsonb, c_numeric_free numeric, c_int_array integer[], c_interval interval, c_mood shop.mood,
                    c_positive shop.positive)""",
                """
                INSERT INTO shop.all_types VALUES (-7, 123456, 9000000000, 12345.6789, 1.5, 2.25, true, 'héllo ✓', 'abc', 'ab',
                    DATE '2024-02-29', TIME '13:45:30.123456', TIMESTAMP '2024-02-29 13:45:30.123456',
                    TIMESTAMPTZ '2024-02-29 13:45:30.123456+02', '\\x0001ff', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
                    '{"a": 1}', 1.23456789012345678901234567890123456789, '{1,2,3}', INTERVAL '1 day 2 hours', 'happy', 42)""",
                "INSERT INTO shop.all_types DEFAULT VALUES",
                "CREATE TABLE shop.events (id integer, day date, at timestamp)",
                "INSERT INTO shop.events VALUES (1, 'infinity', TIMESTAMP '2024-01-02 10:00:00.000500'),"
                        + " (2, DATE '2024-01-02', TIMESTAMP '2024-01-02 10:00:00.001')",
                "CREATE VIEW shop.slow AS SELECT 1 AS x FROM pg_sleep(30)",
                "CREATE COLLATION shop.case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                "CREATE TABLE shop.nicks (id integer, nick text COLLATE shop.case_blind, word text COLLATE \"en-x-icu\")",
                "INSERT INTO shop.nicks VALUES (1, 'Ann', 'B'), (2, 'ann', 'a')",
                "ANALYZE shop.customers",
                "CREATE SCHEMA locked",
                "CREATE TABLE locked.secrets (id integer)");
        database.grantReader("shop");
        connector = PostgresConnector.open("crm", database.readerSpec(4));
        allocator = new RootAllocator();
    }

    @AfterAll
    static void stop() throws IOException {
        connector.close();
        allocator.close();
        database.close();
    }

    private static TableMetadata table(String name) {
        return connector.table(new SchemaTableName("shop", name)).orElseThrow(() -> new AssertionError("no table shop." + name));
    }

    private static List<List<Object>> scan(String table, ScanSpec spec) {
        return ScanRows.drain(connector.scan(table(table), spec, allocator));
    }

    @Test
    void schemasAreTheDatabasesOwnWithoutPostgresCatalogs() {
        List<String> schemas = connector.schemaNames();
        assertTrue(schemas.containsAll(List.of("locked", "public", "shop")), schemas.toString());
        assertTrue(schemas.stream().noneMatch(s -> s.startsWith("pg_") || s.equals("information_schema")), schemas.toString());
    }

    @Test
    void tablesIncludeViewsAndMaterializedViewsButNoReservedNames() {
        assertEquals(List.of("all_types", "customers", "eu_customers", "events", "nicks", "regions", "slow"), connector.tableNames("shop"));
        assertEquals(List.of(), connector.tableNames("nowhere"));
        assertEquals(Optional.empty(), connector.table(new SchemaTableName("shop", "odd$name")));
        assertEquals(Optional.empty(), connector.table(new SchemaTableName("shop", "missing")));
    }

    @Test
    void columnsCarryAttnumsDeclaredTypesCommentsAndThePrimaryKey() {
        database.execute("CREATE TABLE shop.gaps (a integer, dropped integer, b text)", "ALTER TABLE shop.gaps DROP COLUMN dropped");
        TableMetadata gaps = table("gaps");
        assertEquals(List.of("a", "b"), gaps.schema().getFields().stream().map(Field::getName).toList());
        assertEquals(1, gaps.fieldId(0));
        assertEquals(3, gaps.fieldId(1), "a dropped column's attnum is not reused");

        TableMetadata customers = table("customers");
        Field id = customers.schema().findField("id");
        Field email = customers.schema().findField("email");
        assertEquals("true", id.getMetadata().get(TableMetadata.IDENTIFIER));
        assertFalse(id.isNullable());
        assertEquals("character varying(100)", email.getMetadata().get(TableMetadata.SOURCE_TYPE));
        assertEquals("Where receipts go", email.getMetadata().get(TableMetadata.COMMENT));
        assertEquals("Customers of the shop", customers.properties().get("comment"));
        assertEquals(OptionalLong.empty(), customers.snapshotId());
    }

    @Test
    void everyTypeMapsToArrowAndUnknownTypesArriveAsText() {
        Map<String, ArrowType> expected = Map.ofEntries(
                Map.entry("c_smallint", new ArrowType.Int(16, true)),
                Map.entry("c_integer", new ArrowType.Int(32, true)),
                Map.entry("c_bigint", new ArrowType.Int(64, true)),
                Map.entry("c_numeric", new ArrowType.Decimal(20, 4, 128)),
                Map.entry("c_real", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                Map.entry("c_double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Map.entry("c_boolean", ArrowType.Bool.INSTANCE),
                Map.entry("c_text", ArrowType.Utf8.INSTANCE),
                Map.entry("c_varchar", ArrowType.Utf8.INSTANCE),
                Map.entry("c_char", ArrowType.Utf8.INSTANCE),
                Map.entry("c_date", new ArrowType.Date(DateUnit.DAY)),
                Map.entry("c_time", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
                Map.entry("c_timestamp", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                Map.entry("c_timestamptz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
                Map.entry("c_bytea", ArrowType.Binary.INSTANCE),
                Map.entry("c_uuid", ArrowType.Utf8.INSTANCE),
                Map.entry("c_jsonb", ArrowType.Utf8.INSTANCE),
                Map.entry("c_numeric_free", ArrowType.Utf8.INSTANCE),
                Map.entry("c_int_array", ArrowType.Utf8.INSTANCE),
                Map.entry("c_interval", ArrowType.Utf8.INSTANCE),
                Map.entry("c_mood", ArrowType.Utf8.INSTANCE),
                Map.entry("c_positive", new ArrowType.Int(32, true)));
        TableMetadata allTypes = table("all_types");
        assertEquals(expected.size(), allTypes.schema().getFields().size());
        for (Field field : allTypes.schema().getFields()) {
            assertEquals(expected.get(field.getName()), field.getType(), field.getName());
        }
        assertEquals("shop.mood", allTypes.schema().findField("c_mood").getMetadata().get(TableMetadata.SOURCE_TYPE));
        assertEquals("integer[]", allTypes.schema().findField("c_int_array").getMetadata().get(TableMetadata.SOURCE_TYPE));
    }

    @Test
    void everyTypeReadsBackExactlyAndNullsStayNull() {
        TableMetadata allTypes = table("all_types");
        List<String> columns = allTypes.schema().getFields().stream().map(Field::getName).toList();
        List<List<Object>> rows = ScanRows.drain(connector.scan(allTypes, ScanSpec.allOf(columns), allocator));
        assertEquals(2, rows.size());
        List<Object> row = rows.get(0);
        byte[] bytes = (byte[]) row.get(columns.indexOf("c_bytea"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, bytes);
        List<Object> values = new ArrayList<>(row);
        values.set(columns.indexOf("c_bytea"), "bytes");
        assertEquals(Arrays.asList((short) -7, 123456, 9_000_000_000L, new BigDecimal("12345.6789"), 1.5f, 2.25, true, "héllo ✓", "abc",
                "ab   ", (int) LocalDate.of(2024, 2, 29).toEpochDay(), (13 * 3600 + 45 * 60 + 30) * 1_000_000L + 123_456,
                LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000), micros(Instant.parse("2024-02-29T11:45:30.123456Z")), "bytes",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": 1}", "1.23456789012345678901234567890123456789", "{1,2,3}",
                "1 day 02:00:00", "happy", 42), values);
        assertTrue(rows.get(1).stream().allMatch(v -> v == null), rows.get(1).toString());
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    @Test
    void uuidStaysThroughRenamesAndChangesWhenTheTableIsCreatedAgain() {
        assertEquals(table("customers").uuid(), table("customers").uuid());
        database.execute("CREATE TABLE shop.moving (a integer)");
        String created = table("moving").uuid();
        database.execute("ALTER TABLE shop.moving RENAME TO moved");
        assertEquals(created, table("moved").uuid(), "a rename keeps the table's identity");
        database.execute("DROP TABLE shop.moved", "CREATE TABLE shop.moved (a integer)");
        assertNotEquals(created, table("moved").uuid(), "a table created again is another table");
        assertNotEquals(table("customers").uuid(), table("eu_customers").uuid());
    }

    @Test
    void rowCountIsPostgresEstimateAndUnknownForViews() {
        assertEquals(OptionalLong.of(20), table("customers").rowCount());
        assertEquals(OptionalLong.empty(), table("eu_customers").rowCount());
    }

    @Test
    void projectionPredicateAndLimitRunInPostgresWithValuesAsParameters() {
        int mark = database.logMark();
        List<List<Object>> rows = scan("customers", ScanSpec.allOf(List.of("name", "id"))
                .withFilter(new ScanPredicate.Comparison("id", Operator.GREATER_THAN, 15)));
        assertEquals(IntStream.rangeClosed(16, 20).mapToObj(i -> List.<Object>of("customer " + i, i)).toList(), rows,
                "the connector does not filter: only the rows PostgreSQL selected come back");
        assertEquals(3, scan("customers", ScanSpec.allOf(List.of("id")).withLimit(3)).size());
        List<String> log = database.logSince(mark);
        assertLogged(log, "SELECT \"name\", \"id\" FROM \"shop\".\"customers\" WHERE \"id\" > $1", "$1 = '15'");
        assertLogged(log, "SELECT \"id\" FROM \"shop\".\"customers\" LIMIT 3", null);
    }

    @Test
    void aLiteralThatLooksLikeSqlIsOnlyEverAValue() {
        int mark = database.logMark();
        String attack = "x' OR '1'='1";
        assertEquals(List.of(), scan("customers", ScanSpec.allOf(List.of("id")).withFilter(new ScanPredicate.Comparison("name", Operator.EQUAL, attack))));
        List<String> log = database.logSince(mark);
        assertLogged(log, "SELECT \"id\" FROM \"shop\".\"customers\" WHERE \"name\" = $1", "$1 = 'x'' OR ''1''=''1'");
    }

    @Test
    void aScanOfNoColumnsCountsInPostgres() {
        int mark = database.logMark();
        try (BatchStream stream = connector.scan(table("customers"), ScanSpec.allOf(List.of())
                .withFilter(new ScanPredicate.Comparison("region", Operator.EQUAL, "EU")), allocator)) {
            long rows = 0;
            while (stream.next()) {
                rows += stream.current().getRowCount();
            }
            assertEquals(20, rows, "char(n) is only tested for NULL, so every row is counted and the engine filters");
        }
        assertLogged(database.logSince(mark), "SELECT count(*) FROM (SELECT 1 FROM \"shop\".\"customers\") AS counted", null);
    }

    @Test
    void timestampPredicatesKeepRowsTheEngineSeesCutToMilliseconds() {
        List<List<Object>> rows = scan("events", ScanSpec.allOf(List.of("id")).withFilter(
                new ScanPredicate.Comparison("at", Operator.EQUAL, LocalDateTime.of(2024, 1, 2, 10, 0))));
        assertEquals(List.of(List.of(1)), rows, "10:00:00.000500 is 10:00:00.000 to the engine");
    }

    @Test
    void textComparisonsKeepWhatTheEngineKeepsWhateverTheCollation() {
        assertEquals(List.of(List.of(1)), scan("nicks", ScanSpec.allOf(List.of("id")).withFilter(
                new ScanPredicate.Comparison("nick", Operator.NOT_EQUAL, "ann"))), "a case-blind collation would call 'Ann' equal to 'ann'");
        assertEquals(List.of(List.of(2)), scan("nicks", ScanSpec.allOf(List.of("id")).withFilter(
                new ScanPredicate.Comparison("nick", Operator.EQUAL, "ann"))));
        assertEquals(List.of(List.of(1)), scan("nicks", ScanSpec.allOf(List.of("id")).withFilter(
                new ScanPredicate.Comparison("word", Operator.LESS_THAN, "a"))), "'B' < 'a' in Java's order, not in English");
    }

    @Test
    void aValueArrowCannotHoldFailsNamingTheColumn() {
        MeshgateException e = assertThrows(MeshgateException.class, () -> scan("events", ScanSpec.allOf(List.of("id", "day"))));
        assertEquals(ErrorCode.INVALID_DATA, e.code());
        assertTrue(e.getMessage().contains("column 'day' of PostgreSQL table shop.events"), e.getMessage());
    }

    @Test
    void cancelStopsTheStatementRunningInPostgres() throws Exception {
        BatchStream stream = connector.scan(table("slow"), ScanSpec.allOf(List.of("x")), allocator);
        try (stream) {
            CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(stream::next);
            database.awaitActiveReaderStatements("\"shop\".\"slow\"", 1);
            long start = System.nanoTime();
            stream.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> reading.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "the 30 s statement stopped at once");
            assertEquals(ErrorCode.QUERY_CANCELLED, ((MeshgateException) e.getCause()).code());
        }
        database.awaitActiveReaderStatements("\"shop\".\"slow\"", 0);
        assertEquals(20, scan("customers", ScanSpec.allOf(List.of("id"))).size(), "the pool still serves scans");
    }

    @Test
    void aTableCreatedAgainSinceItWasDescribedIsNotRead() {
        database.execute("CREATE TABLE shop.replaced (id integer)", "INSERT INTO shop.replaced VALUES (1)");
        database.grantReader("shop");
        TableMetadata described = table("replaced");
        database.execute("DROP TABLE shop.replaced", "CREATE TABLE shop.replaced (id integer)", "INSERT INTO shop.replaced VALUES (2)");
        database.grantReader("shop");
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> ScanRows.drain(connector.scan(described, ScanSpec.allOf(List.of("id")), allocator)));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("re-created or its columns changed"), e.getMessage());

        database.execute("DROP TABLE shop.replaced");
        MeshgateException dropped = assertThrows(MeshgateException.class,
                () -> ScanRows.drain(connector.scan(described, ScanSpec.allOf(List.of("id")), allocator)));
        assertEquals(ErrorCode.TABLE_NOT_FOUND, dropped.code());
    }

    @Test
    void aColumnCreatedAgainSinceTheTableWasDescribedIsNotReadUnderTheOldFieldId() {
        database.execute("CREATE TABLE shop.contacts (id integer, phone text)", "INSERT INTO shop.contacts VALUES (1, '555')");
        database.grantReader("shop");
        TableMetadata described = table("contacts");
        database.execute("ALTER TABLE shop.contacts DROP COLUMN phone", "ALTER TABLE shop.contacts ADD COLUMN phone text");
        assertEquals(List.of(List.of(1)), ScanRows.drain(connector.scan(described, ScanSpec.allOf(List.of("id")), allocator)),
                "columns that did not change still read");
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> ScanRows.drain(connector.scan(described, ScanSpec.allOf(List.of("id", "phone")), allocator)));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
    }

    @Test
    void aScanWaitsForAFreeConnectionOnlyAsLongAsTheTimeout() throws Exception {
        try (PostgresConnector single = PostgresConnector.open("crm", database.readerSpec(1));
                BatchStream holding = single.scan(table("customers"), ScanSpec.allOf(List.of("id")), allocator)) {
            assertTrue(holding.next());
            MeshgateException e = assertThrows(MeshgateException.class,
                    () -> ScanRows.drain(single.scan(table("customers"), ScanSpec.allOf(List.of("id")), allocator)));
            assertEquals(ErrorCode.RESOURCES_EXHAUSTED, e.code());
            assertTrue(e.getMessage().contains("all 1 connections"), e.getMessage());
            holding.close();
            assertEquals(20, ScanRows.drain(single.scan(table("customers"), ScanSpec.allOf(List.of("id")), allocator)).size());
        }
    }

    @Test
    void aTableTheUserMayNotReadFailsSayingWhatToGrant() {
        TableMetadata secrets = connector.table(new SchemaTableName("locked", "secrets")).orElseThrow();
        MeshgateException e = assertThrows(MeshgateException.class,
                () -> ScanRows.drain(connector.scan(secrets, ScanSpec.allOf(List.of("id")), allocator)));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("permission denied for schema locked (SQLSTATE 42501)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(grant the domain's user USAGE on the schema and SELECT on the table)"), e.getMessage());
    }

    @Test
    void aWrongPasswordFailsAtOpenNamingDomainAndDatabaseButNotThePassword() {
        String wrong = "not-the-password-9876";
        MeshgateException e = assertThrows(MeshgateException.class, () -> PostgresConnector.open("crm",
                new PostgresSpec(database.url(), Optional.of(PostgresTestDatabase.READER), Optional.of(wrong), 2, Duration.ofSeconds(2))));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("PostgreSQL database 'postgres' at 127.0.0.1:" + database.port() + " of domain 'crm'"), e.getMessage());
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(check the domain's user and password)"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(wrong), t.toString());
        }
    }

    @Test
    void anUnreachableDatabaseFailsAtOpenNamingIt() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/sales";
        MeshgateException e = assertThrows(MeshgateException.class, () -> PostgresConnector.open("orders", PostgresSpec.of(url,
                Optional.of("u"), Optional.of("p"))));
        assertEquals(ErrorCode.EXTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Cannot connect to PostgreSQL database 'sales' at 127.0.0.1:" + port + " of domain 'orders': "),
                e.getMessage());
    }

    /** Asserts that PostgreSQL ran {@code sql}, and that its parameters were {@code parameters} when not null. */
    private static void assertLogged(List<String> log, String sql, String parameters) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains("execute") && log.get(i).endsWith(": " + sql)) {
                if (parameters == null) {
                    return;
                }
                if (i + 1 < log.size() && log.get(i + 1).contains("parameters: " + parameters)) {
                    return;
                }
            }
        }
        throw new AssertionError("PostgreSQL did not run " + sql + (parameters == null ? "" : " with " + parameters) + "; it logged:\n"
                + String.join("\n", log));
    }
}
