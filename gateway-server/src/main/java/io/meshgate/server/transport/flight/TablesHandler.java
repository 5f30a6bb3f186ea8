package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.VisibleLink;
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
 * GetTables: every table the caller can see matching the filters, as type TABLE; every name a
 * resource link gives that the caller may read through or owns, as type LINK; and the system
 * tables ({@code mesh.meta.*}) as type SYSTEM TABLE (the types GetTableTypes lists), sorted by
 * catalog, schema and name. With include_schema, each one's Arrow schema (its visible columns
 * only, with Flight SQL column metadata: {@link SqlColumns}; a link's status and, where shown,
 * target as schema metadata) serialized as an IPC message.
 */
final class TablesHandler {
    static final String TABLE_TYPE = "TABLE";
    static final String LINK_TYPE = "LINK";
    static final String SYSTEM_TABLE_TYPE = SystemTables.TABLE_TYPE;

    /** One row of the answer; its columns are described only when asked for. */
    private record Row(String catalog, String schema, String name, String type, Supplier<Schema> columns) {
    }

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
        List<Row> rows = new ArrayList<>();
        if (wants(command, TABLE_TYPE)) {
            for (VisibleTable table : objects.tables(catalog, schemaPattern, tablePattern)) {
                rows.add(new Row(table.domain().name(), table.schema(), table.name(), TABLE_TYPE, () -> SqlColumns.describe(table)));
            }
        }
        if (wants(command, LINK_TYPE)) {
            for (VisibleLink link : objects.links(catalog, schemaPattern, tablePattern)) {
                rows.add(new Row(link.name().domain(), link.name().schema(), link.name().table().orElseThrow(), LINK_TYPE,
                        () -> SqlColumns.describe(link)));
            }
        }
        if (wants(command, SYSTEM_TABLE_TYPE)) {
            for (SystemTable table : objects.systemTables(catalog, schemaPattern, tablePattern)) {
                rows.add(new Row(SystemTables.CATALOG, SystemTables.SCHEMA, table.name(), SYSTEM_TABLE_TYPE,
                        () -> SqlColumns.describe(SystemTables.CATALOG, SystemTables.SCHEMA, table.name(), table.schema(), Optional.empty())));
            }
        }
        rows.sort(Comparator.comparing(Row::catalog).thenComparing(Row::schema).thenComparing(Row::name));
        results.send(schema(command), listener, root -> {
            VarCharVector catalogs = (VarCharVector) root.getVector("catalog_name");
            VarCharVector schemas = (VarCharVector) root.getVector("db_schema_name");
            VarCharVector names = (VarCharVector) root.getVector("table_name");
            VarCharVector types = (VarCharVector) root.getVector("table_type");
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (command.getIncludeSchema()) {
                    ((VarBinaryVector) root.getVector("table_schema")).setSafe(i, row.columns().get().serializeAsMessage());
                }
                Vectors.set(catalogs, i, row.catalog());
                Vectors.set(schemas, i, row.schema());
                Vectors.set(names, i, row.name());
                Vectors.set(types, i, row.type());
            }
            root.setRowCount(rows.size());
        });
    }

    private static boolean wants(CommandGetTables command, String type) {
        return command.getTableTypesCount() == 0 || command.getTableTypesList().contains(type);
    }

    private static Schema schema(CommandGetTables command) {
        return command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    }
}
