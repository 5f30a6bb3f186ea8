package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.meta.MetaContext;
import io.meshgate.engine.meta.SystemTable;
import io.meshgate.engine.product.Products;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The scan of one system table in a compiled plan: its rows, computed for the query's principal
 * when the scan opens, in Calcite's internal representation. It is public only because the code
 * Calcite generates for the plan calls {@link #rows(DataContext)}; nothing else should use it.
 */
public final class SystemRows {
    private final SystemTable table;
    private final CatalogView view;
    private final Products products;

    public SystemRows(SystemTable table, CatalogView view, Products products) {
        this.table = requireNonNull(table, "table is null");
        this.view = requireNonNull(view, "view is null");
        this.products = requireNonNull(products, "products is null");
    }

    /** Whether a row is the value itself (a one-column table) rather than an {@code Object[]}, as {@link ScanSource#rowFormat()}. */
    public boolean scalar() {
        return table.schema().getFields().size() == 1;
    }

    /** The rows; each enumerator computes them afresh, as of when it opens, checking for a cancel before each row. */
    public Enumerable<Object> rows(DataContext root) {
        ExecutionContext context = (ExecutionContext) requireNonNull(root.get(ExecutionContext.KEY), "execution context is missing");
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                return new RowEnumerator(table.rows(new MetaContext(view, products, products.now())), context, scalar(),
                        table.schema().getFields().size());
            }
        };
    }

    /** Java values as Calcite holds them: DATE as days since the epoch, TIMESTAMP as milliseconds. */
    static Object internal(Object value) {
        if (value instanceof LocalDate date) {
            return (int) date.toEpochDay();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value;
    }

    private static final class RowEnumerator implements Enumerator<Object> {
        private final Stream<Object[]> rows;
        private final Iterator<Object[]> iterator;
        private final ExecutionContext context;
        private final boolean scalar;
        private final int width;
        private Object current;

        RowEnumerator(Stream<Object[]> rows, ExecutionContext context, boolean scalar, int width) {
            this.rows = rows;
            this.iterator = rows.iterator();
            this.context = context;
            this.scalar = scalar;
            this.width = width;
        }

        @Override
        public Object current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            context.checkNotCancelled();
            if (!iterator.hasNext()) {
                return false;
            }
            Object[] row = iterator.next();
            if (row.length != width) {
                throw new IllegalStateException("Cannot read a system table row: it has " + row.length + " values for " + width + " columns");
            }
            Object[] converted = new Object[width];
            for (int i = 0; i < width; i++) {
                converted[i] = internal(row[i]);
            }
            current = scalar ? converted[0] : converted;
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("Cannot reset a system table scan");
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
