package io.meshgate.engine.meta;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.VisibleTable;
import io.meshgate.engine.contract.ContractReport;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.engine.contract.ProductName;
import io.meshgate.engine.contract.RuleResult;
import io.meshgate.policy.eval.AccessDecision;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code mesh.meta.contracts}: the latest stored contract check of each product the principal may
 * see (DESCRIBE), one row per rule: the product's overall status and the rule's. Results are read
 * from their folder when the query runs, so a check run while the server runs shows at once.
 *
 * <p>A check reads the table as stored, so what a result says may go beyond what the principal
 * sees. The snapshot id is shown only to a principal who may read the table's metadata
 * (METADATA_READ and full access: B6); the rule's name, which names columns, only to one who sees
 * every column; the detail, which counts over every row and column, only to one with full access.
 * Statuses are shown to everyone who may see the product.
 */
public final class ContractsTable implements SystemTable {
    private static final Schema SCHEMA = new MetaColumns()
            .key("domain").key("schema_name").key("table_name")
            .bigint("snapshot_id").timestamp("checked_at").key("status").varchar("rule").key("rule_status").varchar("detail")
            .schema();

    private final ContractResults results;

    /** The table over the results stored in {@code results}. */
    public ContractsTable(ContractResults results) {
        this.results = requireNonNull(results, "results is null");
    }

    @Override
    public String name() {
        return "contracts";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Stream<Object[]> rows(MetaContext context) {
        return results.latest().stream().flatMap(report -> {
            ProductName product = report.product();
            return context.view().table(product.domain(), product.schema(), product.table()).stream()
                    .flatMap(table -> report.results().stream().map(result -> row(table, report, result)));
        });
    }

    private static Object[] row(VisibleTable table, ContractReport report, RuleResult result) {
        AccessDecision decision = table.decision();
        boolean everyColumn = decision.showsEveryColumn();
        return new Object[] {
            table.domain().name(), table.schema(), table.name(),
            report.snapshotId().isPresent() && decision.metadataRead() ? report.snapshotId().getAsLong() : null,
            report.checkedAt(), report.status().name(),
            everyColumn ? result.rule() : null, result.status().name(), decision.isFullAccess() ? result.detail() : null,
        };
    }
}
