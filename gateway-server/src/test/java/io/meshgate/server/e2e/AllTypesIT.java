package io.meshgate.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.connector.iceberg.AllTypesTable;
import io.meshgate.connector.iceberg.IcebergCatalogs;
import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import io.meshgate.server.config.ConfigLoader;
import io.meshgate.server.launcher.MeshgateServer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Iceberg type end to end: {@link AllTypesTable} served by a real Meshgate server and read
 * through Arrow's Flight SQL JDBC driver, each column's JDBC type and every value checked against
 * the values written (times and timestamps to the millisecond, the planner's precision), element
 * access and filters on nested columns, and a NULLIFY mask on collection columns that element
 * access cannot get around.
 */
class AllTypesIT {
    private static final String TABLE = "lab.types.all_types";
    private static final String POLICIES = """
            tags:
              - {key: sensitivity, values: [public, confidential], ordered: true}
            assignments:
              - {on: {domain: lab}, tags: {sensitivity: public}}
            principals:
              users:
                - {name: admin, groups: [governance]}
                - {name: ana, groups: [analysts]}
            grants:
              - id: governance-all
                to: {groups: [governance]}
                permissions: [SELECT, DESCRIBE]
                on: {all: true}
                columns: {all: true}
              - id: analysts-types
                to: {groups: [analysts]}
                permissions: [SELECT]
                on: {table: lab.types.all_types}
                columns: {all: true}
                rows: "id <> 3"
                masks:
                  - {columns: [tags, scores], mask: {fn: NULLIFY}}
            """;

    @TempDir
    static Path directory;
    private static MeshgateServer server;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = Files.createDirectories(directory.resolve("warehouse"));
        String uri = "jdbc:sqlite:" + directory.resolve("catalog.db").toAbsolutePath();
        String warehouseUri = warehouse.toAbsolutePath().toUri().toString();
        try (JdbcCatalog catalog = IcebergCatalogs.openJdbc(
                new JdbcCatalogSpec(uri, Optional.empty(), Optional.empty(), "lab", warehouseUri, S3Options.defaults()))) {
            AllTypesTable.create(catalog, Namespace.of("types"));
        }
        Path policies = Files.createDirectories(directory.resolve("policies"));
        Files.writeString(policies.resolve("policies.yaml"), POLICIES);
        String yaml = "server: {host: 127.0.0.1, port: 0}\nportal: {port: 0}\n"
                + "auth:\n  users:\n"
                + "    - {name: admin, password: {plain: admin}, groups: [governance]}\n"
                + "    - {name: ana, password: {plain: ana}, groups: [analysts]}\n"
                + "policies: \"" + policies + "\"\n"
                + "policy-hash-key: \"all-types-policy-hash-key-0123\"\n"
                + "domains:\n  - name: lab\n"
                + "    catalog: {type: jdbc, uri: \"" + uri + "\", catalog-name: lab, warehouse: \"" + warehouseUri + "\"}\n";
        server = MeshgateServer.start(ConfigLoader.parse(yaml, "meshgate.yaml", Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", user);
        return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false", properties);
    }

    /** Runs {@code sql} as {@code user} and reads each row with {@code reader}. */
    private static <T> List<T> query(String user, String sql, RowReader<T> reader) throws SQLException {
        try (Connection connection = connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(reader.read(result));
            }
            return rows;
        }
    }

    private interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private static List<Record> written() {
        return AllTypesTable.rows();
    }

    @Test
    void everyColumnHasItsJdbcType() throws SQLException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("id", Types.INTEGER);
        expected.put("b", Types.BOOLEAN);
        expected.put("i", Types.INTEGER);
        expected.put("l", Types.BIGINT);
        expected.put("f", Types.FLOAT);
        expected.put("d", Types.DOUBLE);
        expected.put("dec38", Types.DECIMAL);
        expected.put("dec9", Types.DECIMAL);
        expected.put("dt", Types.DATE);
        expected.put("t", Types.TIME);
        expected.put("ts", Types.TIMESTAMP);
        expected.put("tstz", Types.TIMESTAMP_WITH_TIMEZONE);
        expected.put("s", Types.VARCHAR);
        expected.put("u", Types.VARCHAR);
        expected.put("fx", Types.BINARY);
        expected.put("bin", Types.VARBINARY);
        expected.put("tags", Types.ARRAY);
        expected.put("scores", Types.JAVA_OBJECT);
        expected.put("point", Types.JAVA_OBJECT);
        expected.put("events", Types.ARRAY);
        expected.put("info", Types.JAVA_OBJECT);
        try (Connection connection = connect("admin"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + TABLE)) {
            ResultSetMetaData metaData = result.getMetaData();
            Map<String, Integer> actual = new LinkedHashMap<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                actual.put(metaData.getColumnName(i), metaData.getColumnType(i));
            }
            assertEquals(expected, actual);
        }
    }

    @Test
    void numbersComeBackAsWrittenIncludingExtremesNanAndInfinities() throws SQLException {
        List<List<Object>> rows = query("admin", "SELECT b, i, l, f, d, dec38, dec9 FROM " + TABLE + " ORDER BY id",
                r -> Arrays.asList(r.getObject(1), r.getObject(2), r.getObject(3), r.getObject(4), r.getObject(5), r.getObject(6), r.getObject(7)));
        List<List<Object>> expected = new ArrayList<>();
        for (Record row : written()) {
            Float f = (Float) row.getField("f");
            expected.add(Arrays.asList(row.getField("b"), row.getField("i"), row.getField("l"), f == null ? null : (double) f,
                    row.getField("d"), row.getField("dec38"), row.getField("dec9")));
        }
        assertEquals(expected, rows);
        assertEquals(AllTypesTable.DEC38_MAX, rows.get(1).get(5));
        assertEquals(AllTypesTable.DEC38_MIN, rows.get(2).get(5));
    }

    @Test
    void datesAndTimesComeBackAsWrittenToTheMillisecond() throws SQLException {
        List<List<Object>> rows = query("admin", "SELECT dt, t, ts, tstz FROM " + TABLE + " ORDER BY id", r -> {
            java.sql.Date date = r.getDate(1);
            Timestamp time = r.getTimestamp(2);
            return Arrays.asList(date == null ? null : date.toLocalDate(), time == null ? null : time.toLocalDateTime().toLocalTime(),
                    r.getObject(3, LocalDateTime.class), r.getObject(4, OffsetDateTime.class));
        });
        List<List<Object>> expected = new ArrayList<>();
        for (Record row : written()) {
            LocalTime t = (LocalTime) row.getField("t");
            LocalDateTime ts = (LocalDateTime) row.getField("ts");
            OffsetDateTime tstz = (OffsetDateTime) row.getField("tstz");
            expected.add(Arrays.asList((LocalDate) row.getField("dt"), t == null ? null : t.truncatedTo(ChronoUnit.MILLIS),
                    ts == null ? null : ts.truncatedTo(ChronoUnit.MILLIS),
                    tstz == null ? null : tstz.truncatedTo(ChronoUnit.MILLIS).withOffsetSameInstant(ZoneOffset.UTC)));
        }
        assertEquals(expected, rows);
    }

    @Test
    void timestampWithZoneWrittenAtAnOffsetIsTheSameInstant() throws SQLException {
        List<Object> instants = query("admin", "SELECT tstz FROM " + TABLE + " WHERE id IN (1, 3, 5) ORDER BY id",
                r -> r.getTimestamp(1).toInstant());
        List<Object> expected = new ArrayList<>();
        for (int id : new int[] {1, 3, 5}) {
            expected.add(((OffsetDateTime) written().get(id - 1).getField("tstz")).toInstant().truncatedTo(ChronoUnit.MILLIS));
        }
        assertEquals(expected, instants, "written at +05:30, -08:00 and -07:00");
    }

    @Test
    void textUuidAndBytesComeBackAsWritten() throws SQLException {
        List<List<Object>> rows = query("admin", "SELECT s, u, fx, bin FROM " + TABLE + " ORDER BY id",
                r -> Arrays.asList(r.getString(1), r.getString(2), hex(r.getBytes(3)), hex(r.getBytes(4))));
        List<List<Object>> expected = new ArrayList<>();
        for (Record row : written()) {
            UUID u = (UUID) row.getField("u");
            ByteBuffer bin = (ByteBuffer) row.getField("bin");
            expected.add(Arrays.asList(row.getField("s"), u == null ? null : u.toString(), hex((byte[]) row.getField("fx")),
                    bin == null ? null : hex(bytes(bin))));
        }
        assertEquals(expected, rows);
    }

    @Test
    void listsComeBackAsArraysAndMapsAsMapsWithNullElementsAndValues() throws SQLException {
        List<List<Object>> rows = query("admin", "SELECT tags, scores FROM " + TABLE + " ORDER BY id", r -> {
            Array tags = r.getArray(1);
            Object scores = r.getObject(2);
            return Arrays.asList(tags == null ? null : Arrays.stream((Object[]) tags.getArray()).map(AllTypesIT::text).toList(),
                    scores == null ? null : textKeys((Map<?, ?>) scores));
        });
        List<List<Object>> expected = new ArrayList<>();
        for (Record row : written()) {
            expected.add(Arrays.asList(row.getField("tags"), row.getField("scores")));
        }
        assertEquals(expected, rows);
    }

    @Test
    void elementAccessOnNestedColumnsMatchesTheWrittenValues() throws SQLException {
        List<List<Object>> rows = query("admin", "SELECT tags[1], tags[2], scores['x'], cardinality(tags), cardinality(scores), t.point.x, "
                        + "t.point.label, t.events[1].name, t.events[2].qty, t.info.codes[2], t.info.props['k'] FROM " + TABLE + " t ORDER BY id",
                r -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= 11; i++) {
                        values.add(r.getObject(i));
                    }
                    return values;
                });
        List<List<Object>> expected = new ArrayList<>();
        for (Record row : written()) {
            List<?> tags = (List<?>) row.getField("tags");
            Map<?, ?> scores = (Map<?, ?>) row.getField("scores");
            Record point = (Record) row.getField("point");
            List<?> events = (List<?>) row.getField("events");
            Record info = (Record) row.getField("info");
            expected.add(Arrays.asList(element(tags, 1), element(tags, 2), scores == null ? null : scores.get("x"),
                    tags == null ? null : tags.size(), scores == null ? null : scores.size(),
                    point == null ? null : point.getField("x"), point == null ? null : point.getField("label"),
                    field(element(events, 1), "name"), field(element(events, 2), "qty"),
                    info == null ? null : element((List<?>) info.getField("codes"), 2),
                    info == null || info.getField("props") == null ? null : ((Map<?, ?>) info.getField("props")).get("k")));
        }
        assertEquals(expected, rows);
    }

    @Test
    void filtersOnScalarsAndNestedElementsSelectTheWrittenRows() throws SQLException {
        assertEquals(ids(r -> AllTypesTable.DEC38_MAX.equals(r.getField("dec38"))), query("admin", "SELECT id FROM " + TABLE
                + " WHERE dec38 = 99999999999999999999999999999999999999 ORDER BY id", r -> r.getInt(1)));
        assertEquals(ids(r -> r.getField("u") != null && r.getField("u").toString().equals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                query("admin", "SELECT id FROM " + TABLE + " WHERE u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", r -> r.getInt(1)));
        assertEquals(ids(r -> r.getField("dt") != null && ((LocalDate) r.getField("dt")).getYear() < 1000),
                query("admin", "SELECT id FROM " + TABLE + " WHERE dt < DATE '1000-01-01'", r -> r.getInt(1)));
        assertEquals(ids(r -> "Grüße, 世界 🌍".equals(r.getField("s"))),
                query("admin", "SELECT id FROM " + TABLE + " WHERE s = 'Grüße, 世界 🌍'", r -> r.getInt(1)));
        assertEquals(ids(r -> r.getField("tags") != null && ((List<?>) r.getField("tags")).contains("c")
                        || r.getField("scores") != null && Integer.valueOf(0).equals(((Map<?, ?>) r.getField("scores")).get("only"))),
                query("admin", "SELECT id FROM " + TABLE + " t WHERE tags[3] = 'c' OR scores['only'] = 0 ORDER BY id", r -> r.getInt(1)));
        assertEquals(ids(r -> r.getField("events") != null && ((List<?>) r.getField("events")).isEmpty()),
                query("admin", "SELECT id FROM " + TABLE + " t WHERE cardinality(t.events) = 0 ORDER BY id", r -> r.getInt(1)));
    }

    @Test
    void nullifiedCollectionsStayNullThroughElementAccessAndRowFilterHolds() throws SQLException {
        List<List<Object>> rows = query("ana", "SELECT id, tags, tags[1], scores['x'], cardinality(scores), s FROM " + TABLE + " ORDER BY id",
                r -> Arrays.asList(r.getObject(1), r.getObject(2), r.getObject(3), r.getObject(4), r.getObject(5), r.getString(6)));
        List<List<Object>> expected = new ArrayList<>();
        for (Record row : written()) {
            if ((Integer) row.getField("id") != 3) {
                expected.add(Arrays.asList(row.getField("id"), null, null, null, null, row.getField("s")));
            }
        }
        assertEquals(expected, rows);
        assertEquals(List.of(), query("ana", "SELECT id FROM " + TABLE + " WHERE tags[1] = 'a' OR scores['x'] = 1", r -> r.getInt(1)));
    }

    /** Text as String: the driver gives list elements and map keys as Arrow's own text type. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> textKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(text(k), v));
        return copy;
    }

    private static List<Integer> ids(Function<Record, Boolean> matches) {
        return written().stream().filter(matches::apply).map(r -> (Integer) r.getField("id")).toList();
    }

    private static Object element(List<?> list, int position) {
        return list == null || position > list.size() ? null : list.get(position - 1);
    }

    private static Object field(Object struct, String name) {
        return struct == null ? null : ((Record) struct).getField(name);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
