package io.meshgate.engine.meta;

import io.meshgate.engine.catalog.VisibleTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code mesh.meta.freshness}: for each table the principal may see, its current snapshot, when
 * that was committed, how many whole minutes ago, the product's freshness SLA in minutes, and
 * whether the SLA is breached (the snapshot is older than the SLA allows, or there is no snapshot
 * at all; null without an SLA). The snapshot id is shown only to a principal who may read the
 * table's metadata (METADATA_READ and full access, as for {@code table$snapshots}: B6); how fresh
 * the product is, to everyone who may see it. Tables are described as listings see them, at most
 * the connector's listing freshness behind the catalog.
 */
final class FreshnessTable implements SystemTable {
    private static final Schema SCHEMA = new MetaColumns()
            .key("domain").key("schema_name").key("table_name")
            .bigint("snapshot_id").timestamp("last_updated").bigint("minutes_since").bigint("sla_minutes").bool("breached")
            .schema();

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Stream<Object[]> rows(MetaContext context) {
        return VisibleTables.all(context.view()).map(table -> row(table, context.now()));
    }

    private static Object[] row(VisibleTable table, Instant now) {
        Optional<Instant> committed = table.raw().snapshotTimestampMillis().isPresent()
                ? Optional.of(Instant.ofEpochMilli(table.raw().snapshotTimestampMillis().getAsLong())) : Optional.empty();
        Optional<Duration> age = committed.map(at -> Duration.between(at, now));
        Optional<Duration> sla = table.product().freshnessSla();
        Boolean breached = sla.map(allowed -> age.map(a -> a.compareTo(allowed) > 0).orElse(true)).orElse(null);
        return new Object[] {
            table.domain().name(), table.schema(), table.name(),
            table.raw().snapshotId().isPresent() && table.decision().metadataRead() ? table.raw().snapshotId().getAsLong() : null,
            committed.orElse(null), age.map(a -> Math.max(0, a.toMinutes())).orElse(null), sla.map(ProductsTable::minutes).orElse(null), breached,
        };
    }
}
