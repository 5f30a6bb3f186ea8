package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.execution.CompiledQuery;
import io.meshgate.engine.execution.PlanText;
import io.meshgate.engine.planner.PlanRewritePhase;
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
 * Plans pass through the {@link PlanRewritePhase}s given at construction between SQL-to-rel and
 * optimization; that is where the policy barrier is inserted.
 */
public final class QueryEngine {
    private final QueryPlanner planner;
    private final BufferAllocator allocator;

    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator) {
        this(catalog, allocator, List.of());
    }

    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator, List<PlanRewritePhase> rewritePhases) {
        this.planner = new QueryPlanner(requireNonNull(catalog, "catalog is null"), rewritePhases);
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** Parses, validates and plans; throws {@link MeshgateException} with a code and, where known, SqlPosition. */
    public PreparedQuery prepare(Session session, String sql) {
        PlannedQuery planned = planner.plan(session, sql);
        if (planned.explain()) {
            return new ExplainQuery(planned.explainText(), allocator);
        }
        try {
            Schema schema = ArrowTypes.toArrowSchema(planned.plan().getRowType(), planned.columnNames());
            return new CompiledPreparedQuery(CompiledQuery.compile(planned.plan(), planned.typeFactory(), schema), allocator);
        } catch (RuntimeException e) {
            throw QueryErrors.executionError(e);
        }
    }

    private record ExplainQuery(String text, BufferAllocator allocator) implements PreparedQuery {
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

    private record CompiledPreparedQuery(CompiledQuery query, BufferAllocator allocator) implements PreparedQuery {
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
