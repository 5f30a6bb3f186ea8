package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.ObjectName;
import io.meshgate.engine.catalog.VisibleLink;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.spi.TableMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table's visible columns as GetTables(include_schema) describes them: each field carries the
 * Flight SQL column metadata that JDBC drivers build {@code getColumns} from. Arrow's Flight SQL
 * JDBC driver (18.3) reads TYPE_NAME, PRECISION (COLUMN_SIZE), SCALE (DECIMAL_DIGITS),
 * IS_AUTO_INCREMENT and REMARKS from it, and DATA_TYPE and nullability from the Arrow field
 * itself; the other keys are set for other clients. Type names match GetXdbcTypeInfo's where it
 * lists the type (it does not list REAL, TIME, the binary types or nested types yet).
 * Meshgate's own field metadata (field ids, docs, identifier marks) is not sent.
 */
final class SqlColumns {
    /** Schema metadata key of the table's description: the Flight SQL column key REMARKS, at table level. */
    static final String TABLE_REMARKS = "ARROW:FLIGHT:SQL:REMARKS";

    private SqlColumns() {
    }

    /** One SQL type as listings name it: its name, its column size (precision) and scale where they apply. */
    record SqlType(String name, Optional<Integer> precision, Optional<Integer> scale, boolean caseSensitive) {
    }

    /** The table's visible columns with Flight SQL column metadata, and the table's description as schema metadata. */
    static Schema describe(VisibleTable table) {
        return describe(table.domain().name(), table.schema(), table.name(), table.metadata().schema(), table.description());
    }

    /** The columns of {@code columns}, the table {@code catalog.schema.name}, with Flight SQL column metadata and its description. */
    static Schema describe(String catalog, String schema, String name, Schema columns, Optional<String> description) {
        List<Field> fields = columns.getFields().stream().map(field -> describe(catalog, schema, name, field)).toList();
        Map<String, String> metadata = new HashMap<>();
        description.ifPresent(d -> metadata.put(TABLE_REMARKS, d));
        return new Schema(fields, metadata);
    }

    /**
     * A link name's columns as the caller reads them through it (none when it may not), named by
     * the link, with its target's description, and as schema metadata its status and, when shown to
     * the caller, its target ({@link LinkSchemaMetadata}).
     */
    static Schema describe(VisibleLink link) {
        ObjectName name = link.name();
        List<Field> fields = link.table().map(t -> t.metadata().schema().getFields()).orElse(List.of()).stream()
                .map(field -> describe(name.domain(), name.schema(), name.table().orElseThrow(), field)).toList();
        Map<String, String> metadata = new HashMap<>();
        link.table().flatMap(VisibleTable::description).ifPresent(d -> metadata.put(TABLE_REMARKS, d));
        metadata.put(LinkSchemaMetadata.STATUS, link.status().name());
        link.target().ifPresent(target -> metadata.put(LinkSchemaMetadata.TARGET, target));
        return new Schema(fields, metadata);
    }

    private static Field describe(String catalog, String schema, String table, Field field) {
        SqlType type = sqlType(field.getType());
        FlightSqlColumnMetadata.Builder column = new FlightSqlColumnMetadata.Builder()
                .catalogName(catalog)
                .schemaName(schema)
                .tableName(table)
                .typeName(type.name())
                .isAutoIncrement(false)
                .isCaseSensitive(type.caseSensitive())
                .isReadOnly(true)
                .isSearchable(true);
        type.precision().ifPresent(column::precision);
        type.scale().ifPresent(column::scale);
        Optional.ofNullable(field.getMetadata().get(TableMetadata.COMMENT)).ifPresent(column::remarks);
        return new Field(field.getName(), new FieldType(field.isNullable(), field.getType(), field.getDictionary(), column.build().getMetadataMap()),
                field.getChildren());
    }

    /** The SQL type of an Arrow type as the mesh shows it; nested types are named but have no size. */
    static SqlType sqlType(ArrowType type) {
        return switch (type.getTypeID()) {
            case Bool -> fixed("BOOLEAN", 1, Optional.empty());
            case Int -> ((ArrowType.Int) type).getBitWidth() == 64 ? fixed("BIGINT", 19, Optional.of(0))
                    : ((ArrowType.Int) type).getBitWidth() == 32 ? fixed("INTEGER", 10, Optional.of(0))
                    : ((ArrowType.Int) type).getBitWidth() == 16 ? fixed("SMALLINT", 5, Optional.of(0)) : fixed("TINYINT", 3, Optional.of(0));
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
                    ? fixed("DOUBLE", 15, Optional.empty()) : fixed("REAL", 7, Optional.empty());
            case Decimal -> fixed("DECIMAL", ((ArrowType.Decimal) type).getPrecision(), Optional.of(((ArrowType.Decimal) type).getScale()));
            case Utf8, LargeUtf8 -> new SqlType("VARCHAR", Optional.of(Integer.MAX_VALUE), Optional.empty(), true);
            case Binary, LargeBinary -> fixed("VARBINARY", Integer.MAX_VALUE, Optional.empty());
            case FixedSizeBinary -> fixed("BINARY", ((ArrowType.FixedSizeBinary) type).getByteWidth(), Optional.empty());
            case Date -> fixed("DATE", 10, Optional.empty());
            case Time -> fixed("TIME", 15, Optional.of(6));
            case Timestamp -> ((ArrowType.Timestamp) type).getTimezone() == null ? fixed("TIMESTAMP", 26, Optional.of(6))
                    : fixed("TIMESTAMP WITH TIME ZONE", 32, Optional.of(6));
            case Struct -> named("STRUCT");
            case List, LargeList, FixedSizeList -> named("ARRAY");
            case Map -> named("MAP");
            default -> named(type.getTypeID().name().toUpperCase(java.util.Locale.ROOT));
        };
    }

    private static SqlType fixed(String name, int precision, Optional<Integer> scale) {
        return new SqlType(name, Optional.of(precision), scale, false);
    }

    private static SqlType named(String name) {
        return new SqlType(name, Optional.empty(), Optional.empty(), false);
    }
}
