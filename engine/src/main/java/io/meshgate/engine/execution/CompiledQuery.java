package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;

/**
 * An optimized enumerable plan compiled to Java once, executable any number of times. Each
 * execution gets its own child allocator, released when its result stream is closed.
 */
public final class CompiledQuery {
    /** Rows per result batch. */
    public static final int BATCH_SIZE = 8192;

    private final Bindable<Object> bindable;
    private final Map<String, Object> stashed;
    private final JavaTypeFactory typeFactory;
    private final Schema resultSchema;

    private CompiledQuery(Bindable<Object> bindable, Map<String, Object> stashed, JavaTypeFactory typeFactory, Schema resultSchema) {
        this.bindable = bindable;
        this.stashed = Map.copyOf(stashed);
        this.typeFactory = typeFactory;
        this.resultSchema = resultSchema;
    }

    /**
     * Generates and compiles the code of {@code plan}, whose rows have the Arrow schema
     * {@code resultSchema}; a plan that compares whole struct values is refused (NOT_SUPPORTED).
     */
    @SuppressWarnings("unchecked")
    public static CompiledQuery compile(EnumerableRel plan, JavaTypeFactory typeFactory, Schema resultSchema) {
        requireNonNull(plan, "plan is null");
        StructComparisons.check(plan);
        Map<String, Object> stashed = new HashMap<>();
        Bindable<Object> bindable = (Bindable<Object>) EnumerableInterpretable.toBindable(stashed, null, plan, EnumerableRel.Prefer.ARRAY);
        return new CompiledQuery(bindable, stashed, requireNonNull(typeFactory, "typeFactory is null"),
                requireNonNull(resultSchema, "resultSchema is null"));
    }

    public Schema resultSchema() {
        return resultSchema;
    }

    /**
     * Starts an execution with the values of the plan's dynamic parameters ({@code ?}), in
     * Calcite's representation (dates as days, timestamps as milliseconds); rows are computed as
     * batches are read from the returned stream. Nothing runs before the first {@code next()}, not
     * even the part of the plan that Calcite computes when the plan is bound (an aggregate without
     * GROUP BY reads its whole input there), so the stream can be cancelled from the start.
     */
    public BatchStream execute(BufferAllocator parent, List<Object> parameters) {
        requireNonNull(parameters, "parameters is null");
        BufferAllocator allocator = parent.newChildAllocator("query", 0, parent.getLimit());
        ExecutionContext context = new ExecutionContext(typeFactory, stashed, parameters, allocator);
        try {
            VectorSchemaRoot batch = VectorSchemaRoot.create(resultSchema, allocator);
            return new ResultBatches(() -> bind(context), context, batch, BATCH_SIZE);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private Enumerator<Object> bind(ExecutionContext context) {
        try {
            return bindable.bind(context).enumerator();
        } catch (ExceptionInInitializerError e) {
            // The generated code computes the plan's constants once, when its class initializes.
            throw new IllegalStateException("A constant of the query cannot be computed", e.getCause());
        }
    }
}
