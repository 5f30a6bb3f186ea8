package io.meshgate.engine.contract;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.QueryEngine;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.TableMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Checks contracts against the current snapshot of their products' tables. The table is described
 * once and every rule reads exactly that snapshot, through the query engine as SQL, with full
 * access to the table (an internal principal under an open policy): a contract is about the whole
 * table, whoever later reads its results. Each rule gives PASS or FAIL with what was observed, or
 * ERROR with why it could not be checked; one rule's error never stops the others.
 */
public final class ContractChecker {
    private final MeshCatalog mesh;
    private final BufferAllocator allocator;
    private final Clock clock;

    public ContractChecker(MeshCatalog mesh, BufferAllocator allocator, Clock clock) {
        this.mesh = requireNonNull(mesh, "mesh is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Checks {@code contract} against the current snapshot of {@code product}'s table.
     *
     * @throws MeshgateException with CATALOG_NOT_FOUND or TABLE_NOT_FOUND when the product's domain
     *                           or table does not exist, or EXTERNAL_ERROR when it cannot be described
     */
    public ContractReport check(ProductName product, Contract contract) {
        requireNonNull(product, "product is null");
        requireNonNull(contract, "contract is null");
        Domain domain = mesh.domain(product.domain()).orElseThrow(() -> new MeshgateException(ErrorCode.CATALOG_NOT_FOUND,
                "Cannot check the contract of " + product + ": there is no domain '" + product.domain() + "' (check the product's name)"));
        TableMetadata table = domain.table(product.schema(), product.table()).orElseThrow(() -> new MeshgateException(
                ErrorCode.TABLE_NOT_FOUND, "Cannot check the contract of " + product + ": the table does not exist (check the product's name)"));
        Domain pinned = new Domain(domain.name(), new PinnedConnector(domain.connector(), table), domain.bindings());
        Instant now = clock.instant();
        List<RuleResult> results = new ArrayList<>();
        try (MeshCatalog pinnedMesh = new MeshCatalog(List.of(pinned))) {
            QualityQueries queries = new QualityQueries(new QueryEngine(pinnedMesh, allocator), product, table, now);
            contract.schema().ifPresent(schema -> results.add(schema(schema, table)));
            for (QualityRule rule : contract.quality()) {
                results.add(queries.check(rule));
            }
        }
        return new ContractReport(product, table.uuid(), table.snapshotId(), now, results);
    }

    private static RuleResult schema(SchemaContract contract, TableMetadata table) {
        List<String> violations = SchemaCompatibility.violations(contract, table.schema());
        String mode = contract.compatibility().yamlName();
        if (violations.isEmpty()) {
            return RuleResult.pass(Contract.SCHEMA_RULE, mode + ": the " + contract.columns().size() + " contract column(s) hold");
        }
        return RuleResult.fail(Contract.SCHEMA_RULE, mode + ": " + String.join("; ", violations));
    }
}
