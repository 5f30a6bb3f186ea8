package io.meshgate.connector.jdbc;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one PostgreSQL database's catalog: its schemas and relations through JDBC's
 * {@link DatabaseMetaData}, and a relation's identity, columns and size from {@code pg_catalog}.
 * Shown are tables, partitioned tables, views, materialized views and foreign tables in every
 * schema but {@code information_schema} and PostgreSQL's own ({@code pg_*}).
 *
 * <p>A relation's UUID is a name-based UUID of the cluster's system identifier, the database's OID
 * and the relation's OID: it survives renames, and a relation dropped and created again, or a
 * database restored into a new cluster, gets a new one. Its columns' field ids are their
 * {@code attnum}s, which survive renames and are never reused within the relation.
 */
final class PostgresCatalog {
    /** The relation kinds a domain shows, as DatabaseMetaData names them. */
    private static final String[] TABLE_TYPES = {"TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE"};

    private static final String DESCRIBE = """
            SELECT c.oid, c.relkind, c.reltuples, obj_description(c.oid, 'pg_class'),
                   a.attnum, a.attname, a.attnotnull,
                   CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END,
                   CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
                   format_type(a.atttypid, a.atttypmod),
                   col_description(c.oid, a.attnum),
                   COALESCE(a.attnum = ANY (pk.conkey), false),
                   COALESCE(co.collisdeterministic, true)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_catalog.pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
            WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            ORDER BY a.attnum""";

    private static final String CHECK = """
            SELECT c.oid, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), COALESCE(co.collisdeterministic, true)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
            WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""";

    private final String identity;

    /** @param identity what sets this database apart from every other: see {@link #identity(Connection, String)} */
    PostgresCatalog(String identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    /**
     * The cluster's system identifier and the database's OID. Where the user may not read the
     * system identifier ({@code pg_control_system()}), {@code fallback} (the server's address)
     * stands in for it.
     */
    static String identity(Connection connection, String fallback) throws SQLException {
        String cluster;
        try (PreparedStatement statement = connection.prepareStatement("SELECT system_identifier FROM pg_catalog.pg_control_system()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            cluster = Long.toUnsignedString(rows.getLong(1));
        } catch (SQLException e) {
            cluster = fallback;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return cluster + "/" + rows.getLong(1);
        }
    }

    /** The schemas, sorted, without PostgreSQL's own. */
    static List<String> schemaNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getSchemas()) {
            while (rows.next()) {
                String name = rows.getString("TABLE_SCHEM");
                if (!name.startsWith("pg_") && !name.equals("information_schema")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** The relations of one schema, sorted, without those whose name holds a {@code $}. */
    static List<String> tableNames(Connection connection, String schema) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = metaData.getTables(null, escape(schema, metaData.getSearchStringEscape()), "%", TABLE_TYPES)) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (schema.equals(rows.getString("TABLE_SCHEM")) && !MetadataTableName.isReserved(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** The relation as it is now, or empty when there is none of that name. */
    Optional<TableMetadata> describe(Connection connection, SchemaTableName name) throws SQLException {
        if (MetadataTableName.isReserved(name.table())) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(DESCRIBE)) {
            statement.setString(1, name.schema());
            statement.setString(2, name.table());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long oid = rows.getLong(1);
                String kind = rows.getString(2);
                float tuples = rows.getFloat(3);
                Optional<String> comment = Optional.ofNullable(rows.getString(4));
                List<Field> fields = new ArrayList<>();
                do {
                    if (rows.getObject(5) != null) {
                        fields.add(PostgresTypes.toArrow(new PostgresColumn(rows.getInt(5), rows.getString(6), rows.getLong(8),
                                rows.getInt(9), rows.getString(10), rows.getBoolean(7), Optional.ofNullable(rows.getString(11)),
                                rows.getBoolean(12), rows.getBoolean(13))));
                    }
                } while (rows.next());
                Map<String, String> properties = new HashMap<>();
                comment.filter(c -> !c.isBlank()).ifPresent(c -> properties.put("comment", c));
                return Optional.of(new TableMetadata(name, uuid(oid), OptionalLong.empty(), OptionalLong.empty(), rowCount(kind, tuples), new Schema(fields),
                        List.of(), properties));
            }
        }
    }

    /**
     * Fails unless {@code table} still names the relation it was described as, with {@code columns}
     * at the same attnums, of the same types and collations. Run inside the scan's transaction
     * after its query ran: the query's lock then keeps the relation from being dropped or altered,
     * so what the check sees is what the query read.
     */
    void verify(Connection connection, TableMetadata table, List<String> columns, SourceErrors errors) throws SQLException {
        Map<String, Field> described = new HashMap<>();
        table.schema().getFields().forEach(f -> described.put(f.getName(), f));
        boolean found = false;
        List<String> unchanged = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CHECK)) {
            statement.setString(1, table.name().schema());
            statement.setString(2, table.name().table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found = true;
                    if (!uuid(rows.getLong(1)).equals(table.uuid())) {
                        throw changed(table, errors);
                    }
                    Field field = described.get(rows.getString(2));
                    if (field != null && Integer.toString(rows.getInt(3)).equals(field.getMetadata().get(TableMetadata.FIELD_ID))
                            && rows.getString(4).equals(field.getMetadata().get(TableMetadata.SOURCE_TYPE))
                            && (rows.getBoolean(5) || !field.getMetadata().containsKey(PostgresTypes.BYTEWISE_EQUALITY))) {
                        unchanged.add(field.getName());
                    }
                }
            }
        }
        if (!found) {
            throw new MeshgateException(ErrorCode.TABLE_NOT_FOUND, "Cannot read table " + table.name() + " from " + errors.source()
                    + ": it no longer exists");
        }
        if (!unchanged.containsAll(columns)) {
            throw changed(table, errors);
        }
    }

    private static MeshgateException changed(TableMetadata table, SourceErrors errors) {
        return new MeshgateException(ErrorCode.EXTERNAL_ERROR, "Cannot read table " + table.name() + " from " + errors.source()
                + ": it was re-created or its columns changed since the query was planned (run the query again)");
    }

    private String uuid(long oid) {
        return UUID.nameUUIDFromBytes(("postgresql:" + identity + "/" + oid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** PostgreSQL's estimate for tables and materialized views, when it has one (-1 until the first ANALYZE since 14). */
    private static OptionalLong rowCount(String kind, float tuples) {
        boolean stored = kind.equals("r") || kind.equals("m");
        return stored && tuples >= 0 ? OptionalLong.of(Math.round((double) tuples)) : OptionalLong.empty();
    }

    /** {@code name} as a DatabaseMetaData pattern that matches only itself. */
    private static String escape(String name, String escape) {
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
