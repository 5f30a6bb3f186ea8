package io.meshgate.engine.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/** Calcite's catalog reader, remembering the last table name it could not resolve, for the error. */
final class MeshCatalogReader extends CalciteCatalogReader {
    private List<String> lastMissing = List.of();

    MeshCatalogReader(CalciteSchema root, List<String> defaultSchema, RelDataTypeFactory typeFactory, CalciteConnectionConfig config) {
        super(root, defaultSchema, typeFactory, config);
    }

    @Override
    public Prepare.PreparingTable getTable(List<String> names) {
        Prepare.PreparingTable table = super.getTable(names);
        if (table == null) {
            lastMissing = new ArrayList<>(names);
        }
        return table;
    }

    Optional<List<String>> lastMissingTable() {
        return lastMissing.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(lastMissing));
    }
}
