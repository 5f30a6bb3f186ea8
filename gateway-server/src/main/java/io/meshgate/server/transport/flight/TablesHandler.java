package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.meta.SystemTable;
import io.meshgate.engine.meta.SystemTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * GetTables: every table the caller can see matching the filters, as type TABLE, and the system
 * tables ({@code mesh.meta.*}) as type SYSTEM TABLE, sorted by catalog, schema and name; with
 * include_schema, each table's Arrow schema (its visible columns only, with Flight SQL column
 * metadata: {@link SqlColumns}) serialized as an IPC message.
 */
final class TablesHandler {
    static final String TABLE_TYPE = "TABLE";
    static final String SYSTEM_TABLE_TYPE = SystemTables.TABLE_TYPE;

    /** One row of the answer; its columns are described only when asked for. */
    private record Listed(String catalog, String schema, String name, String type, Supplier<Schema> columns) {
    }

    private static final Comparator<Listed> ORDER = Comparator.comparing(Listed::catalog).thenComparing(Listed::schema).thenComparing(Listed::name);

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
        List<Listed> tables = new ArrayList<>();
        if (wanted(command, TABLE_TYPE)) {
            for (VisibleTable table : objects.tables(catalog, schemaPattern, tablePattern)) {
                tables.add(new Listed(table.domain().name(), table.schema(), table.name(), TABLE_TYPE, () -> SqlColumns.describe(table)));
            }
        }
        if (wanted(command, SYSTEM_TABLE_TYPE)) {
            for (SystemTable table : objects.systemTables(catalog, schemaPattern, tablePattern)) {
                tables.add(new Listed(SystemTables.CATALOG, SystemTables.SCHEMA, table.name(), SYSTEM_TABLE_TYPE,
                        () -> SqlColumns.describe(SystemTables.CATALOG, SystemTables.SCHEMA, table.name(), table.schema(), Optional.empty())));
            }
        }
        tables.sort(ORDER);
        results.send(schema(command), listener, root -> {
            VarCharVector catalogs = (VarCharVector) root.getVector("catalog_name");
            VarCharVector schemas = (VarCharVector) root.getVector("db_schema_name");
            VarCharVector names = (VarCharVector) root.getVector("table_name");
            VarCharVector types = (VarCharVector) root.getVector("table_type");
            for (int row = 0; row < tables.size(); row++) {
                Listed table = tables.get(row);
                if (command.getIncludeSchema()) {
                    ((VarBinaryVector) root.getVector("table_schema")).setSafe(row, table.columns().get().serializeAsMessage());
                }
                Vectors.set(catalogs, row, table.catalog());
                Vectors.set(schemas, row, table.schema());
                Vectors.set(names, row, table.name());
                Vectors.set(types, row, table.type());
            }
            root.setRowCount(tables.size());
        });
    }

    private static boolean wanted(CommandGetTables command, String type) {
        return command.getTableTypesCount() == 0 || command.getTableTypesList().contains(type);
    }

    private static Schema schema(CommandGetTables command) {
        return command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    }
}
