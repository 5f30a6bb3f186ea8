package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The state of one execution, handed to the generated code as its {@link DataContext}: the values
 * the plan stashed while it was compiled, the values of its parameters (the code reads {@code ?0},
 * {@code ?1}, ...), the allocator scans read into, and every scan opened so
 * far, so that closing the execution closes them all, even those an operator left unfinished.
 */
final class ExecutionContext implements DataContext, AutoCloseable {
    static final String KEY = "meshgate.execution";

    private final JavaTypeFactory typeFactory;
    private final Map<String, Object> stashed;
    private final List<Object> parameters;
    private final BufferAllocator allocator;
    private final long startMillis = System.currentTimeMillis();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<BatchStream> openScans = new ArrayList<>();
    private boolean closed;

    ExecutionContext(JavaTypeFactory typeFactory, Map<String, Object> stashed, List<Object> parameters, BufferAllocator allocator) {
        this.typeFactory = requireNonNull(typeFactory, "typeFactory is null");
        this.stashed = Map.copyOf(requireNonNull(stashed, "stashed is null"));
        // Values may be NULL, so not List.copyOf.
        this.parameters = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameters, "parameters is null")));
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    BufferAllocator allocator() {
        return allocator;
    }

    /**
     * Asks the execution to stop, from any thread: it sets Calcite's cancel flag, which the scans
     * and the result batches check before each row ({@link #checkNotCancelled()}), and asks every
     * open scan to stop ({@link BatchStream#cancel()}), so that a scan waiting on its source (a
     * database running a long statement) stops too.
     */
    void cancel() {
        cancelled.set(true);
        List<BatchStream> scans;
        synchronized (this) {
            scans = List.copyOf(openScans);
        }
        scans.forEach(BatchStream::cancel);
    }

    /** Fails with QUERY_CANCELLED once the execution was asked to stop or was closed. */
    void checkNotCancelled() {
        if (cancelled.get()) {
            throw new MeshgateException(ErrorCode.QUERY_CANCELLED, "Query cancelled");
        }
    }

    /** Registers a scan so that {@link #close()} closes it; fails once the execution is closed. */
    synchronized BatchStream register(BatchStream scan) {
        if (closed) {
            scan.close();
            throw new IllegalStateException("Cannot open a scan: the execution is closed");
        }
        BatchStream once = new CloseOnce(scan);
        openScans.add(once);
        return once;
    }

    @Override
    public @Nullable SchemaPlus getRootSchema() {
        return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        throw new UnsupportedOperationException("Cannot provide a query provider: Meshgate plans do not query back");
    }

    @Override
    public @Nullable Object get(String name) {
        if (KEY.equals(name)) {
            return this;
        }
        if (Variable.UTC_TIMESTAMP.camelName.equals(name) || Variable.CURRENT_TIMESTAMP.camelName.equals(name)
                || Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
            return startMillis;
        }
        if (Variable.TIME_ZONE.camelName.equals(name)) {
            return TimeZone.getTimeZone("UTC");
        }
        if (Variable.CANCEL_FLAG.camelName.equals(name)) {
            return cancelled;
        }
        if (name.startsWith("?")) {
            return parameter(name);
        }
        return stashed.get(name);
    }

    private Object parameter(String name) {
        int index = Integer.parseInt(name.substring(1));
        if (index < 0 || index >= parameters.size()) {
            throw new IllegalStateException("Cannot read parameter " + name + ": the execution has " + parameters.size() + " values");
        }
        return parameters.get(index);
    }

    /** Closes every scan this execution opened, then its allocator. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelled.set(true);
        RuntimeException failure = null;
        for (BatchStream scan : openScans) {
            try {
                scan.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        openScans.clear();
        allocator.close();
        if (failure != null) {
            throw failure;
        }
    }

    /** A scan whose close runs once, whether its enumerator or the execution closes it first. */
    private static final class CloseOnce implements BatchStream {
        private final BatchStream delegate;
        private boolean closed;

        CloseOnce(BatchStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean next() {
            return !closed && delegate.next();
        }

        @Override
        public VectorSchemaRoot current() {
            return delegate.current();
        }

        @Override
        public void cancel() {
            delegate.cancel();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                delegate.close();
            }
        }
    }
}
