package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.policy.Governance;
import io.meshgate.policy.Principal;
import io.meshgate.engine.execution.CompiledQuery;
import io.meshgate.engine.execution.PlanText;
import io.meshgate.engine.planner.PlannedQuery;
import io.meshgate.engine.planner.QueryErrors;
import io.meshgate.engine.planner.QueryPlanner;
import io.meshgate.engine.product.Deprecations;
import io.meshgate.engine.product.Product;
import io.meshgate.engine.product.Products;
import io.meshgate.engine.types.ArrowTypes;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import io.meshgate.spi.ErrorTranslatingStream;
import java.util.List;
import java.util.stream.IntStream;
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
    private final SystemTables systemTables;
    private final QueryPlanner planner;
    private final BufferAllocator allocator;

    /** An engine with no policy: every principal sees everything. */
    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator) {
        this(catalog, allocator, Governance.open());
    }

    /** An engine with the standard system tables ({@link SystemTables#standard()}). */
    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator, Governance governance) {
        this(catalog, allocator, governance, SystemTables.standard());
    }

    public QueryEngine(MeshCatalog catalog, BufferAllocator allocator, Governance governance, SystemTables systemTables) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.governance = requireNonNull(governance, "governance is null");
        this.systemTables = requireNonNull(systemTables, "systemTables is null");
        this.planner = new QueryPlanner(catalog, governance, systemTables);
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** The system tables queries may read ({@code mesh.meta.*}), for listings. */
    public SystemTables systemTables() {
        return systemTables;
    }

    /** The mesh as {@code principal} sees it, for listings. */
    public CatalogView catalogView(Principal principal) {
        return new CatalogView(catalog, governance, principal);
    }

    /**
     * Parses, validates and plans under the policy and product files in force; throws
     * {@link MeshgateException} with a code and, where known, SqlPosition, and PRODUCT_RETIRED when
     * it reads a retired data product. Executed after the policy or the product files change, or
     * the resource links are bound again, it is planned again.
     */
    public PreparedQuery prepare(Session session, String sql) {
        return new PolicyBoundQuery(() -> governance.policy().revision() + "/" + catalog.products().revision() + "/links-"
                + catalog.links().generation(), () -> prepareOnce(session, sql));
    }

    private PreparedQuery prepareOnce(Session session, String sql) {
        PlannedQuery planned = planner.plan(catalogView(session.principal()), session, sql);
        Products products = catalog.products();
        Deprecations.check(planned.products(), products.today());
        ProductsRead read = new ProductsRead(planned.products(), products);
        if (planned.explain()) {
            return new ExplainQuery(planned.explainText(), parameterSchema(planned), planned.relations(), read, allocator);
        }
        Schema parameters = parameterSchema(planned);
        try {
            Schema schema = ArrowTypes.toArrowSchema(planned.plan().getRowType(), planned.columnNames());
            return new CompiledPreparedQuery(CompiledQuery.compile(planned.plan(), planned.typeFactory(), schema), parameters,
                    planned.relations(), read, allocator);
        } catch (RuntimeException e) {
            throw QueryErrors.executionError(e);
        }
    }

    /** The data products a statement reads, checked against the day each run starts on. */
    private record ProductsRead(List<Product> products, Products calendar) {
        /** One warning per deprecated product; fails with PRODUCT_RETIRED for a retired one. */
        List<String> warnings() {
            return Deprecations.check(products, calendar.today());
        }

        /** Fails with PRODUCT_RETIRED when a product the statement reads no longer answers. */
        void checkAnswering() {
            warnings();
        }
    }

    /** One field per {@code ?}, named {@code parameter_1}, {@code parameter_2}, ... */
    private static Schema parameterSchema(PlannedQuery planned) {
        List<String> names = IntStream.rangeClosed(1, planned.parameterRowType().getFieldCount()).mapToObj(i -> "parameter_" + i).toList();
        return ArrowTypes.toArrowSchema(planned.parameterRowType(), names);
    }

    /** Checks that {@code parameters} were bound for this statement's parameters, not another's. */
    private static void checkBound(Schema parameterSchema, BoundParameters parameters) {
        if (!parameters.schema().equals(parameterSchema)) {
            throw new MeshgateException(ErrorCode.INVALID_REQUEST,
                    "Cannot execute: the values were bound for other parameters than this statement's (bind them again)");
        }
    }

    /** EXPLAIN shows the plan, which does not depend on the parameter values: they are checked, not used. */
    private record ExplainQuery(String text, Schema parameterSchema, List<RelationAccess> relations, ProductsRead read,
            BufferAllocator allocator) implements PreparedQuery {
        @Override
        public Schema resultSchema() {
            return PlanText.SCHEMA;
        }

        @Override
        public List<String> warnings() {
            return read.warnings();
        }

        @Override
        public BatchStream execute(BoundParameters parameters) {
            checkBound(parameterSchema, parameters);
            read.checkAnswering();
            return PlanText.stream(text, allocator);
        }

        @Override
        public void close() {
        }
    }

    private record CompiledPreparedQuery(CompiledQuery query, Schema parameterSchema, List<RelationAccess> relations, ProductsRead read,
            BufferAllocator allocator) implements PreparedQuery {
        @Override
        public Schema resultSchema() {
            return query.resultSchema();
        }

        @Override
        public List<String> warnings() {
            return read.warnings();
        }

        @Override
        public BatchStream execute(BoundParameters parameters) {
            checkBound(parameterSchema, parameters);
            read.checkAnswering();
            try {
                return ErrorTranslatingStream.wrap(query.execute(allocator, parameters.values()), QueryErrors::executionError);
            } catch (RuntimeException e) {
                throw QueryErrors.executionError(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
