package io.meshgate.engine.planner;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.spi.MetadataTableName;
import io.meshgate.spi.TableMetadata;
import java.util.Optional;

/**
 * Resolves a metadata table name such as {@code orders$files} for one query (B6). It exists only
 * where its table is visible (R2) and the connector has that kind; it may be read only with
 * METADATA_READ and full, unrestricted access to the table, so it needs no barrier of its own.
 */
final class MetadataTables {
    private MetadataTables() {
    }

    /**
     * The metadata table, or empty when its table is hidden or missing or the kind unknown (so
     * that it fails like any missing table); throws PERMISSION_DENIED when the table is visible
     * but the principal may not read its metadata.
     */
    static Optional<MeshTable> resolve(GovernedTables tables, Domain domain, String schema, MetadataTableName name) {
        Optional<VisibleTable> table = tables.table(domain.name(), schema, name.table());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Optional<TableMetadata> metadata = domain.metadataTable(schema, name);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        AccessDecision decision = table.get().decision();
        if (!decision.metadataRead() || !decision.isFullAccess()) {
            throw new MeshgateException(ErrorCode.PERMISSION_DENIED, "Access denied: metadata of table '" + table.get().qualifiedName()
                    + "' needs METADATA_READ and unrestricted access to the table");
        }
        VisibleTable metadataTable = new VisibleTable(domain, schema, name.toString(), metadata.get(), metadata.get(), decision,
                table.get().product());
        return Optional.of(new MeshTable(metadataTable, tables));
    }
}
