package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.VisibleTable;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * GetTables: every table the caller can see matching the filters, as type TABLE (the one type
 * GetTableTypes lists); with include_schema, each table's Arrow schema (its visible columns only,
 * with Flight SQL column metadata: {@link SqlColumns}) serialized as an IPC message.
 */
final class TablesHandler {
    static final String TABLE_TYPE = "TABLE";

    private final MetadataResults results;

    TablesHandler(MetadataResults results) {
        this.results = results;
    }

    FlightInfo flightInfo(CommandGetTables command, FlightDescriptor descriptor) {
        return MetadataResults.flightInfo(command, descriptor, schema(command));
    }

    void stream(MeshObjects objects, CommandGetTables command, ServerStreamListener listener) {
        Optional<String> catalog = command.hasCatalog() ? Optional.of(command.getCatalog()) : Optional.empty();
        NamePattern schemaPattern = NamePattern.of(command.hasDbSchemaFilterPattern(), command.getDbSchemaFilterPattern());
        NamePattern tablePattern = NamePattern.of(command.hasTableNameFilterPattern(), command.getTableNameFilterPattern());
        boolean typeMatches = command.getTableTypesCount() == 0 || command.getTableTypesList().contains(TABLE_TYPE);
        List<VisibleTable> tables = typeMatches ? objects.tables(catalog, schemaPattern, tablePattern) : List.of();
        results.send(schema(command), listener, root -> {
            VarCharVector catalogs = (VarCharVector) root.getVector("catalog_name");
            VarCharVector schemas = (VarCharVector) root.getVector("db_schema_name");
            VarCharVector names = (VarCharVector) root.getVector("table_name");
            VarCharVector types = (VarCharVector) root.getVector("table_type");
            for (int row = 0; row < tables.size(); row++) {
                VisibleTable table = tables.get(row);
                if (command.getIncludeSchema()) {
                    ((VarBinaryVector) root.getVector("table_schema")).setSafe(row, SqlColumns.describe(table).serializeAsMessage());
                }
                Vectors.set(catalogs, row, table.domain().name());
                Vectors.set(schemas, row, table.schema());
                Vectors.set(names, row, table.name());
                Vectors.set(types, row, TABLE_TYPE);
            }
            root.setRowCount(tables.size());
        });
    }

    private static Schema schema(CommandGetTables command) {
        return command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    }
}
