package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.VisibleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * GetPrimaryKeys: a table's natural primary key (its Iceberg identifier fields), one row per
 * column in key order, when the caller sees the table and every key column
 * ({@link VisibleTable#primaryKey()}); nothing otherwise. The table name is exact, catalog and
 * schema are exact when given and match any when not. The mesh declares no foreign keys: exported
 * and imported keys and cross references are empty answers with the schemas the protocol fixes.
 */
final class KeysHandler {
    private final MetadataResults results;

    KeysHandler(MetadataResults results) {
        this.results = results;
    }

    void streamPrimaryKeys(MeshObjects objects, CommandGetPrimaryKeys command, ServerStreamListener listener) {
        Optional<String> catalog = command.hasCatalog() ? Optional.of(command.getCatalog()) : Optional.empty();
        NamePattern schema = command.hasDbSchema() ? NamePattern.exactly(command.getDbSchema()) : NamePattern.any();
        List<VisibleTable> tables = objects.tables(catalog, schema, NamePattern.exactly(command.getTable()));
        record KeyColumn(VisibleTable table, String column, int sequence) {
        }
        List<KeyColumn> rows = new ArrayList<>();
        for (VisibleTable table : tables) {
            List<String> key = table.primaryKey();
            for (int i = 0; i < key.size(); i++) {
                rows.add(new KeyColumn(table, key.get(i), i + 1));
            }
        }
        results.send(Schemas.GET_PRIMARY_KEYS_SCHEMA, listener, root -> {
            for (int row = 0; row < rows.size(); row++) {
                KeyColumn key = rows.get(row);
                Vectors.set((VarCharVector) root.getVector("catalog_name"), row, key.table().domain().name());
                Vectors.set((VarCharVector) root.getVector("db_schema_name"), row, key.table().schema());
                Vectors.set((VarCharVector) root.getVector("table_name"), row, key.table().name());
                Vectors.set((VarCharVector) root.getVector("column_name"), row, key.column());
                Vectors.set((IntVector) root.getVector("key_sequence"), row, key.sequence());
                Vectors.set((VarCharVector) root.getVector("key_name"), row, (String) null);
            }
            root.setRowCount(rows.size());
        });
    }
}
