package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.policy.Governance;
import io.meshgate.policy.Principal;
import io.meshgate.engine.execution.CompiledQuery;
import io.meshgate.engine.execution.PlanText;
import io.meshgate.engine.planner.PlannedQuery;
import io.meshgate.engine.planner.QueryErrors;
import io.meshgate.engine.planner.QueryPlanner;
import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.ErrorTranslatingStream;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The query engine: plans SQL over the mesh catalog with Calcite and executes it to Arrow batches.
 * Every table a query reads is planned behind the policy barrier of the principal's access
 * decision ({@link Governance}).
 */
public final class QueryEngine {
    private final MeshCatalog catalog;
    private final Governance governance;
    private final QueryPlanner planner;
    private final BufferAllocator allocator;

    /** An engine with no policy: every principal sees everything. */
    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator) {
        this(catalog, allocator, Governance.open());
    }

    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator, Governance governance) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.governance = requireNonNull(governance, "governance is null");
        this.planner = new QueryPlanner(catalog, governance);
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** The mesh as {@code principal} sees it, for listings. */
    public CatalogView catalogView(Principal principal) {
        return new CatalogView(catalog, governance, principal);
    }

    /**
     * Parses, validates and plans under the policy in force; throws {@link MeshgateException} with a
     * code and, where known, SqlPosition. Executed after the policy changes, it is planned again.
     */
    public PreparedQuery prepare(Session session, String sql) {
        return new PolicyBoundQuery(() -> governance.policy().revision(), () -> prepareOnce(session, sql));
    }

    private PreparedQuery prepareOnce(Session session, String sql) {
        PlannedQuery planned = planner.plan(catalogView(session.principal()), session, sql);
        if (planned.explain()) {
            return new ExplainQuery(planned.explainText(), planned.relations(), allocator);
        }
        try {
            Schema schema = ArrowTypes.toArrowSchema(planned.plan().getRowType(), planned.columnNames());
            return new CompiledPreparedQuery(CompiledQuery.compile(planned.plan(), planned.typeFactory(), schema), planned.relations(), allocator);
        } catch (RuntimeException e) {
            throw QueryErrors.executionError(e);
        }
    }

    private record ExplainQuery(String text, List<RelationAccess> relations, BufferAllocator allocator) implements PreparedQuery {
        @Override
        public Schema resultSchema() {
            return PlanText.SCHEMA;
        }

        @Override
        public BatchStream execute() {
            return PlanText.stream(text, allocator);
        }

        @Override
        public void close() {
        }
    }

    private record CompiledPreparedQuery(CompiledQuery query, List<RelationAccess> relations, BufferAllocator allocator) implements PreparedQuery {
        @Override
        public Schema resultSchema() {
            return query.resultSchema();
        }

        @Override
        public BatchStream execute() {
            try {
                return ErrorTranslatingStream.wrap(query.execute(allocator), QueryErrors::executionError);
            } catch (RuntimeException e) {
                throw QueryErrors.executionError(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
