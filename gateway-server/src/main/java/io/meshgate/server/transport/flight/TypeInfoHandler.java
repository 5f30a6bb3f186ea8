package io.meshgate.server.transport.flight;

import java.sql.Types;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** GetXdbcTypeInfo: the SQL types Meshgate returns, optionally only one JDBC type. */
final class TypeInfoHandler {
    private static final int NULLABLE = 1;
    private static final int SEARCHABLE = 3;

    private record SqlType(String name, int jdbcType, Integer columnSize, String literalPrefix, String literalSuffix,
            boolean caseSensitive, Boolean unsigned, boolean fixedPrecisionScale, Integer minScale, Integer maxScale,
            Integer radix) {
    }

    private static final List<SqlType> TYPES = List.of(
            new SqlType("BOOLEAN", Types.BOOLEAN, 1, null, null, false, null, false, null, null, null),
            new SqlType("INTEGER", Types.INTEGER, 10, null, null, false, false, true, 0, 0, 10),
            new SqlType("BIGINT", Types.BIGINT, 19, null, null, false, false, true, 0, 0, 10),
            new SqlType("REAL", Types.REAL, 7, null, null, false, false, false, null, null, 2),
            new SqlType("DOUBLE", Types.DOUBLE, 15, null, null, false, false, false, null, null, 2),
            new SqlType("DECIMAL", Types.DECIMAL, 38, null, null, false, false, true, 0, 38, 10),
            new SqlType("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", true, null, false, null, null, null),
            new SqlType("BINARY", Types.BINARY, Integer.MAX_VALUE, "X'", "'", false, null, false, null, null, null),
            new SqlType("VARBINARY", Types.VARBINARY, Integer.MAX_VALUE, "X'", "'", false, null, false, null, null, null),
            new SqlType("DATE", Types.DATE, 10, "DATE '", "'", false, null, false, null, null, null),
            new SqlType("TIME", Types.TIME, 15, "TIME '", "'", false, null, false, 0, 6, null),
            new SqlType("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", "'", false, null, false, 0, 6, null),
            new SqlType("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, 32, "TIMESTAMP '", "'", false, null, false, 0, 6, null),
            new SqlType("ARRAY", Types.ARRAY, null, null, null, false, null, false, null, null, null),
            new SqlType("MAP", Types.JAVA_OBJECT, null, null, null, false, null, false, null, null, null),
            new SqlType("STRUCT", Types.STRUCT, null, null, null, false, null, false, null, null, null));

    private final MetadataResults results;

    TypeInfoHandler(MetadataResults results) {
        this.results = results;
    }

    void stream(CommandGetXdbcTypeInfo command, ServerStreamListener listener) {
        List<SqlType> types = TYPES.stream()
                .filter(t -> !command.hasDataType() || t.jdbcType() == command.getDataType())
                .toList();
        results.send(Schemas.GET_TYPE_INFO_SCHEMA, listener, root -> {
            for (int i = 0; i < types.size(); i++) {
                write(root, i, types.get(i));
            }
            root.setRowCount(types.size());
        });
    }

    private static void write(VectorSchemaRoot root, int row, SqlType type) {
        Vectors.set((VarCharVector) root.getVector("type_name"), row, type.name());
        Vectors.set((IntVector) root.getVector("data_type"), row, type.jdbcType());
        Vectors.set((IntVector) root.getVector("column_size"), row, type.columnSize());
        Vectors.set((VarCharVector) root.getVector("literal_prefix"), row, type.literalPrefix());
        Vectors.set((VarCharVector) root.getVector("literal_suffix"), row, type.literalSuffix());
        root.getVector("create_params").setNull(row);
        Vectors.set((IntVector) root.getVector("nullable"), row, NULLABLE);
        Vectors.set((BitVector) root.getVector("case_sensitive"), row, type.caseSensitive());
        Vectors.set((IntVector) root.getVector("searchable"), row, SEARCHABLE);
        Vectors.set((BitVector) root.getVector("unsigned_attribute"), row, type.unsigned());
        Vectors.set((BitVector) root.getVector("fixed_prec_scale"), row, type.fixedPrecisionScale());
        Vectors.set((BitVector) root.getVector("auto_increment"), row, false);
        Vectors.set((VarCharVector) root.getVector("local_type_name"), row, type.name());
        Vectors.set((IntVector) root.getVector("minimum_scale"), row, type.minScale());
        Vectors.set((IntVector) root.getVector("maximum_scale"), row, type.maxScale());
        Vectors.set((IntVector) root.getVector("sql_data_type"), row, type.jdbcType());
        Vectors.set((IntVector) root.getVector("datetime_subcode"), row, null);
        Vectors.set((IntVector) root.getVector("num_prec_radix"), row, type.radix());
        Vectors.set((IntVector) root.getVector("interval_precision"), row, null);
    }
}
